extension WordVectors {
    /// The vectors a training run ends with: every vocabulary word's fastText vector (mean
    /// of its word and subword rows) and every subword row some vocabulary word uses.
    convenience init(trainedFrom model: HogwildModel, vocabulary: Vocabulary, subwords: SubwordScheme, note: String) {
        let dim = model.dimension
        var matrix = [Float](repeating: 0, count: vocabulary.count * dim)
        matrix.withUnsafeMutableBufferPointer { m in
            for w in 0..<vocabulary.count { model.wordVector(w, into: m.baseAddress! + w * dim) }
        }
        var used = Set<Int>()
        for id in model.rowIDs where Int(id) >= model.wordCount { used.insert(Int(id) - model.wordCount) }
        let buckets = used.sorted()
        var sub = [Float](repeating: 0, count: buckets.count * dim)
        for (r, b) in buckets.enumerated() {
            let row = model.input + (model.wordCount + b) * dim
            for d in 0..<dim { sub[r * dim + d] = row[d] }
        }
        self.init(dimension: dim, words: vocabulary.words, counts: vocabulary.counts, matrix: matrix,
                  subwords: subwords, subwordBuckets: buckets, subwordMatrix: sub, note: note)
    }
}
