extension WordVectors {
    /// Initial embedding rows for a classifier's vocabulary, in its id order: the vector
    /// of each word (its own row, else its subwords), zeros where there is none.
    /// `found[i]` says whether row i came from the vectors, so the caller can keep its
    /// random initialisation for the rest. Rows are rescaled so their mean norm is
    /// `targetNorm` when given (our vectors' scale need not match the layer's init).
    public func table(for vocabulary: [String], targetNorm: Float? = nil) -> (values: [Float], found: [Bool]) {
        var values = [Float](repeating: 0, count: vocabulary.count * dimension)
        var found = [Bool](repeating: false, count: vocabulary.count)
        var normSum: Float = 0
        for (i, word) in vocabulary.enumerated() {
            guard let v = vector(for: word) else { continue }
            found[i] = true
            normSum += WordVectors.norm(v)
            for d in 0..<dimension { values[i * dimension + d] = v[d] }
        }
        let hits = found.filter { $0 }.count
        if let targetNorm, hits > 0, normSum > 0 {
            let scale = targetNorm / (normSum / Float(hits))
            for i in values.indices { values[i] *= scale }
        }
        return (values, found)
    }
}
