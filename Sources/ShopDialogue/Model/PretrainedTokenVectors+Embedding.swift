import ShopNeural

extension PretrainedTokenVectors {
    /// Copies the vectors of `vocabulary` (ids `firstID…` in order) into `embedding`;
    /// tokens without a vector keep their random rows. Returns how many rows were copied.
    /// Throws when the sizes disagree, before touching any row.
    func initialise(_ embedding: Embedding, vocabulary: [String], firstID: Int) throws -> Int {
        let dim = embedding.dim
        guard dimension == dim else {
            throw NeuralIntentTrainerError.embeddingDimensionMismatch(embedDim: dim, vectorsDimension: dimension)
        }
        var rows: [(id: Int, vector: [Float])] = []
        var foundNorm: Float = 0
        for (i, token) in vocabulary.enumerated() {
            guard let v = vector(token) else { continue }
            guard v.count == dim else {
                throw NeuralIntentTrainerError.badPretrainedVector(token: token, length: v.count, expected: dim)
            }
            let n = Self.norm(v)
            guard n > 0, n.isFinite else { continue } // a zero row carries nothing; keep random
            foundNorm += n
            rows.append((firstID + i, v))
        }
        guard !rows.isEmpty else { return 0 }
        var scale: Float = 1
        if matchInitNorm {
            let ids = firstID..<(firstID + vocabulary.count)
            let initNorm = ids.reduce(Float(0)) { s, id in
                s + Self.norm(Array(embedding.weight.value[(id * dim)..<((id + 1) * dim)]))
            } / Float(ids.count)
            scale = initNorm / (foundNorm / Float(rows.count))
        }
        for (id, v) in rows { embedding.setVector(scale == 1 ? v : v.map { $0 * scale }, for: id) }
        return rows.count
    }

    static func norm(_ v: [Float]) -> Float {
        var s: Float = 0
        for x in v { s += x * x }
        return s.squareRoot()
    }
}
