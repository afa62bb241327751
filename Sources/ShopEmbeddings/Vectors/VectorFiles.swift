import ShopCore

/// The vectors behind `intent train` and `sentiment train --embeddings FILE…`: one or more
/// vector files (e.g. our English and Chinese models) seen as one lookup for a deep path's tokens.
///
/// A token takes its vector from the first file whose vocabulary holds it; an unseen token
/// takes the subword vector of the file that suits its script best (the file with the
/// largest share of CJK words for a CJK token, the smallest for a Latin one), so a Chinese
/// character never gets a vector from English subword buckets it only hashes into.
/// Each file's vectors are divided by that file's mean word-vector norm so that files
/// trained separately end up on one scale (the trainer then rescales to its own init).
public struct VectorFiles: Sendable {
    public struct File: Sendable {
        public let path: String
        public let vectors: WordVectors
        public let inverseMeanNorm: Float
        public let cjkShare: Double
    }

    public let files: [File]
    public var dimension: Int { files[0].vectors.dimension }

    /// Loads every file (our .model files, or word2vec text when the name ends in .txt or .vec).
    public static func load(_ paths: [String]) throws -> VectorFiles {
        var files: [File] = []
        for path in paths {
            let v = try WordVectors.load(anyFormat: path)
            if let first = files.first, first.vectors.dimension != v.dimension {
                throw EmbeddingError.badVectorsFile(path: path, reason: "has dimension \(v.dimension) but \(first.path) has \(first.vectors.dimension); all vector files must have the same dimension")
            }
            guard !v.words.isEmpty else { throw EmbeddingError.badVectorsFile(path: path, reason: "holds no word vectors") }
            var normSum: Float = 0, n = 0, cjk = 0
            for w in v.words {
                if w.unicodeScalars.contains(where: Han.isCJK) { cjk += 1 }
                guard let x = v.vector(for: w) else { continue }
                var s: Float = 0
                for e in x { s += e * e }
                if s > 0 { normSum += s.squareRoot(); n += 1 }
            }
            files.append(File(path: path, vectors: v, inverseMeanNorm: n > 0 && normSum > 0 ? Float(n) / normSum : 1,
                              cjkShare: Double(cjk) / Double(v.words.count)))
        }
        return VectorFiles(files: files)
    }

    /// The (scale-normalised) vector of one deep-path token, nil when no file has one.
    public func vector(for token: String) -> [Float]? {
        for f in files where f.vectors.contains(token) {
            return f.vectors.vector(for: token).map { $0.map { $0 * f.inverseMeanNorm } }
        }
        let isCJK = token.unicodeScalars.contains(where: Han.isCJK)
        let ordered = files.sorted { isCJK ? $0.cjkShare > $1.cjkShare : $0.cjkShare < $1.cjkShare }
        for f in ordered {
            if let v = f.vectors.subwordVector(for: token) { return v.map { $0 * f.inverseMeanNorm } }
        }
        return nil
    }
}
