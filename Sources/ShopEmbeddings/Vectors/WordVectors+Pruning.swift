extension WordVectors {
    /// A smaller copy for shipping: the `maxWords` most frequent words and the `maxSubwords`
    /// subword rows that the kept words use most (weighted by word frequency), so unseen
    /// words still get vectors from the commonest units.
    public func pruned(maxWords: Int?, maxSubwords: Int?) -> WordVectors {
        let keepWords = min(words.count, maxWords ?? words.count)
        // Rows are stored most frequent first when they come from training; imported
        // vectors keep the file's order, which word2vec also writes by frequency.
        let newWords = Array(words[0..<keepWords])
        let newCounts = Array(counts[0..<keepWords])
        let newMatrix = Array(matrix[0..<(keepWords * dimension)])
        var buckets = subwordBuckets
        var rows = subwordBuckets.indices.map { $0 }
        if let maxSubwords, maxSubwords < subwordBuckets.count {
            var weight: [Int: Double] = [:]
            for (w, c) in zip(words, counts) {
                for b in subwords.bucketIDs(of: w) where subwordRows[b] != nil { weight[b, default: 0] += Double(max(c, 1)) }
            }
            let ranked = subwordBuckets.enumerated().sorted { x, y in
                let wx = weight[x.element] ?? 0, wy = weight[y.element] ?? 0
                return wx != wy ? wx > wy : x.element < y.element
            }.prefix(maxSubwords).sorted { $0.element < $1.element }
            buckets = ranked.map(\.element)
            rows = ranked.map(\.offset)
        }
        var sub = [Float]()
        sub.reserveCapacity(rows.count * dimension)
        for r in rows { sub.append(contentsOf: subwordMatrix[(r * dimension)..<((r + 1) * dimension)]) }
        return WordVectors(dimension: dimension, words: newWords, counts: newCounts, matrix: newMatrix,
                           subwords: subwords, subwordBuckets: buckets, subwordMatrix: sub, note: note)
    }
}
