import ShopNeural

/// Trained word vectors: a row per known word, plus subword rows so that words never
/// seen in training still get a vector (the mean of their units' rows, as in fastText).
///
/// Keys are tokens as our tokeniser emits them (normalised forms), so look words up with
/// the same tokeniser settings that were used for training. Immutable and safe to share
/// between threads.
public final class WordVectors: Sendable {
    /// Vector size.
    public let dimension: Int
    /// Known words, most frequent first.
    public let words: [String]
    /// Training counts of `words` (0 when unknown, e.g. after a word2vec text import).
    public let counts: [Int]
    /// How unseen words are split into units; `.none` when there are no subword rows.
    public let subwords: SubwordScheme
    /// A free-text note on how the vectors were made (hyper-parameters, corpus).
    public let note: String

    /// words × dimension, row-major.
    let matrix: [Float]
    /// Subword rows kept: bucket number → row in `subwordMatrix`.
    let subwordRows: [Int: Int]
    /// The bucket number of each row of `subwordMatrix` (in row order).
    public let subwordBuckets: [Int]
    let subwordMatrix: [Float]
    let index: [String: Int]
    /// 1 / ‖row‖ for each word (0 for a zero row), for cosine similarity.
    let inverseNorms: [Float]

    /// Builds vectors from parts; `matrix` must hold `words.count * dimension` values and
    /// `subwordMatrix` `subwordBuckets.count * dimension`.
    public init(dimension: Int, words: [String], counts: [Int]? = nil, matrix: [Float],
                subwords: SubwordScheme = .none, subwordBuckets: [Int] = [], subwordMatrix: [Float] = [],
                note: String = "") {
        precondition(matrix.count == words.count * dimension, "matrix size does not match words × dimension")
        precondition(subwordMatrix.count == subwordBuckets.count * dimension, "subword matrix size mismatch")
        self.dimension = dimension
        self.words = words
        self.counts = counts ?? Array(repeating: 0, count: words.count)
        self.matrix = matrix
        self.subwords = subwordBuckets.isEmpty ? .none : subwords
        self.subwordBuckets = subwordBuckets
        self.subwordMatrix = subwordMatrix
        self.note = note
        var rows: [Int: Int] = [:]
        for (r, b) in subwordBuckets.enumerated() { rows[b] = r }
        subwordRows = rows
        var index: [String: Int] = [:]
        index.reserveCapacity(words.count)
        for (i, w) in words.enumerated() where index[w] == nil { index[w] = i }
        self.index = index
        inverseNorms = (0..<words.count).map { i in
            var s: Float = 0
            for d in 0..<dimension { let v = matrix[i * dimension + d]; s += v * v }
            return s > 0 ? 1 / s.squareRoot() : 0
        }
    }

    /// Whether `word` has its own trained row.
    public func contains(_ word: String) -> Bool { index[word] != nil }

    /// The vector of `word`: its own row when known, else the mean of its subword rows;
    /// nil when the word is unknown and none of its units were kept.
    public func vector(for word: String) -> [Float]? {
        if let i = index[word] { return Array(matrix[(i * dimension)..<((i + 1) * dimension)]) }
        return subwordVector(for: word)
    }

    /// The mean of the kept subword rows of `word` (nil when none), ignoring any word row.
    public func subwordVector(for word: String) -> [Float]? {
        guard !subwordRows.isEmpty else { return nil }
        var sum = [Float](repeating: 0, count: dimension)
        var n = 0
        for b in subwords.bucketIDs(of: word) {
            guard let r = subwordRows[b] else { continue }
            let base = r * dimension
            for d in 0..<dimension { sum[d] += subwordMatrix[base + d] }
            n += 1
        }
        guard n > 0 else { return nil }
        let inv = 1 / Float(n)
        return sum.map { $0 * inv }
    }

    /// The `k` known words closest to `word` by cosine (excluding the word itself).
    public func nearest(to word: String, k: Int = 10) -> [Neighbor] {
        guard let v = vector(for: word) else { return [] }
        return nearest(to: v, k: k, excluding: [word])
    }

    /// The `k` known words closest to `vector` by cosine.
    public func nearest(to vector: [Float], k: Int = 10, excluding: Set<String> = []) -> [Neighbor] {
        precondition(vector.count == dimension, "query vector has the wrong dimension")
        let qn = WordVectors.norm(vector)
        guard qn > 0, k > 0 else { return [] }
        var best: [(Float, Int)] = []
        best.reserveCapacity(k + 1)
        matrix.withUnsafeBufferPointer { m in
            vector.withUnsafeBufferPointer { q in
                for i in 0..<words.count where inverseNorms[i] > 0 {
                    let sim = VectorMath.dotSIMD(q.baseAddress!, m.baseAddress! + i * dimension, dimension)
                        * inverseNorms[i] / qn
                    if best.count == k, sim <= best[k - 1].0 { continue }
                    if excluding.contains(words[i]) { continue }
                    let at = best.firstIndex { $0.0 < sim } ?? best.count
                    best.insert((sim, i), at: at)
                    if best.count > k { best.removeLast() }
                }
            }
        }
        return best.map { Neighbor(word: words[$0.1], similarity: $0.0) }
    }

    /// Cosine similarity of two words (each may be unseen, through its subwords).
    public func similarity(_ a: String, _ b: String) -> Float? {
        guard let va = vector(for: a), let vb = vector(for: b) else { return nil }
        return WordVectors.cosine(va, vb)
    }

    /// "a is to b as c is to ?": the words closest to b − a + c (unit-normalised, as word2vec).
    public func analogy(_ a: String, _ b: String, _ c: String, k: Int = 5) -> [Neighbor] {
        guard let va = vector(for: a), let vb = vector(for: b), let vc = vector(for: c) else { return [] }
        let na = WordVectors.norm(va), nb = WordVectors.norm(vb), nc = WordVectors.norm(vc)
        guard na > 0, nb > 0, nc > 0 else { return [] }
        let q = (0..<dimension).map { vb[$0] / nb - va[$0] / na + vc[$0] / nc }
        return nearest(to: q, k: k, excluding: [a, b, c])
    }

    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        let na = norm(a), nb = norm(b)
        guard na > 0, nb > 0 else { return 0 }
        var s: Float = 0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s / (na * nb)
    }

    static func norm(_ v: [Float]) -> Float {
        var s: Float = 0
        for x in v { s += x * x }
        return s.squareRoot()
    }
}
