extension Embedding {
    /// Starts rows from pretrained vectors: row `firstID + i` gets `vector(vocabulary[i])`
    /// when there is one, rescaled so the copied rows have the mean norm of this layer's
    /// own random rows (pretrained vectors live on another scale; only their directions
    /// should differ from a random start). Rows without a vector keep their random values.
    /// Returns how many rows were copied. Vectors of the wrong length are skipped.
    @discardableResult
    public func initialise(vocabulary: [String], firstID: Int, vector: (String) -> [Float]?) -> Int {
        precondition(firstID >= 0 && firstID + vocabulary.count <= vocabSize, "vocabulary does not fit the embedding")
        func norm(_ v: UnsafeBufferPointer<Float>) -> Float {
            var s: Float = 0
            for x in v { s += x * x }
            return s.squareRoot()
        }
        var randomNorm: Float = 0, randomRows = 0
        weight.value.withUnsafeBufferPointer { w in
            for r in firstID..<(firstID + vocabulary.count) {
                randomNorm += norm(UnsafeBufferPointer(rebasing: w[(r * dim)..<((r + 1) * dim)]))
                randomRows += 1
            }
        }
        let target = randomNorm / Float(max(1, randomRows))
        var found: [(row: Int, vector: [Float])] = []
        var foundNorm: Float = 0
        for (i, word) in vocabulary.enumerated() {
            guard let v = vector(word), v.count == dim else { continue }
            let n = v.withUnsafeBufferPointer(norm)
            guard n > 0 else { continue }
            found.append((firstID + i, v))
            foundNorm += n
        }
        guard !found.isEmpty else { return 0 }
        let scale = target / (foundNorm / Float(found.count))
        for (row, v) in found { setVector(v.map { $0 * scale }, for: row) }
        return found.count
    }
}
