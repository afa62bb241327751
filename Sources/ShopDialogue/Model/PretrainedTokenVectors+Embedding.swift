import ShopNeural

extension PretrainedTokenVectors {
    /// Copies the vectors of `vocabulary` (ids `firstID…` in order) into `embedding`;
    /// tokens without a vector (or with an all-zero one) keep their random rows. Returns how
    /// many rows were copied. Size problems throw before any row is touched.
    func initialise(_ embedding: Embedding, vocabulary: [String], firstID: Int) throws -> Int {
        let dim = embedding.dim
        guard dimension == dim else {
            throw NeuralIntentTrainerError.embeddingDimensionMismatch(embedDim: dim, vectorsDimension: dimension)
        }
        var found: [String: [Float]] = [:]
        for token in vocabulary {
            guard let v = vector(token) else { continue }
            guard v.count == dim else {
                throw NeuralIntentTrainerError.badPretrainedVector(token: token, length: v.count, expected: dim)
            }
            guard Self.norm(v) > 0 else { continue } // a zero row carries nothing; keep random
            found[token] = v
        }
        if matchInitNorm {
            return embedding.initialise(vocabulary: vocabulary, firstID: firstID) { found[$0] }
        }
        for (i, token) in vocabulary.enumerated() {
            if let v = found[token] { embedding.setVector(v, for: firstID + i) }
        }
        return found.count
    }

    static func norm(_ v: [Float]) -> Float {
        var s: Float = 0
        for x in v { s += x * x }
        return s.squareRoot()
    }
}
