import Foundation

/// The wide path's feature space: an exact vocabulary of n-gram strings seen in training,
/// inverse document frequencies, sublinear term frequency and L2 normalisation
/// (the TF-IDF recipe that makes linear models strong on short intent queries).
public struct TfidfVectorizer: Sendable {
    public var extractor: NGramExtractor
    public private(set) var vocabulary: [String: Int32] = [:]
    public private(set) var terms: [String] = []
    public private(set) var idf: [Float] = []

    public init(extractor: NGramExtractor = NGramExtractor()) {
        self.extractor = extractor
    }

    /// Rebuilds a fitted vectoriser from stored terms and idf values.
    public init(extractor: NGramExtractor, terms: [String], idf: [Float]) {
        self.extractor = extractor
        self.terms = terms
        self.idf = idf
        vocabulary.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { vocabulary[t] = Int32(i) }
    }

    public var dimension: Int { terms.count }

    /// Learns the vocabulary and idf from training texts; features seen in fewer than
    /// `minCount` documents are dropped.
    public mutating func fit(_ texts: [String], minCount: Int = 1) {
        var df: [String: Int] = [:]
        for t in texts {
            for f in Set(extractor.features(t).features) { df[f, default: 0] += 1 }
        }
        let kept = df.filter { $0.value >= minCount }.keys.sorted()
        terms = kept
        vocabulary = [:]
        vocabulary.reserveCapacity(kept.count)
        for (i, t) in kept.enumerated() { vocabulary[t] = Int32(i) }
        let n = Float(texts.count)
        idf = kept.map { log((1 + n) / (1 + Float(df[$0]!))) + 1 }
    }

    /// The TF-IDF vector of a message (features outside the vocabulary are ignored).
    public func transform(_ text: String) -> SparseVector {
        // `transformWithOwners` without the per-feature owner lists (the classifier's path on
        // every message): the same counts, in the same order, give the same vector
        let feats = extractor.features(text).features
        var counts: [Int32: Float] = [:]
        for f in feats {
            guard let id = vocabulary[f] else { continue }
            counts[id, default: 0] += 1
        }
        return Self.weighted(counts, idf: idf)
    }

    /// Sublinear tf × idf over the sorted ids, L2-normalised.
    static func weighted(_ counts: [Int32: Float], idf: [Float]) -> SparseVector {
        var v = SparseVector()
        v.indices.reserveCapacity(counts.count)
        v.values.reserveCapacity(counts.count)
        for (id, c) in counts.sorted(by: { $0.key < $1.key }) {
            v.indices.append(id)
            v.values.append((1 + log(c)) * idf[Int(id)])
        }
        let norm = v.squaredNorm.squareRoot()
        if norm > 0 { for i in v.values.indices { v.values[i] /= norm } }
        return v
    }

    /// The vector plus, per non-zero, which token produced it (for explanations).
    public func transformWithOwners(_ text: String) -> (vector: SparseVector, owners: [[Int]], tokens: [String]) {
        let (feats, owner, toks) = extractor.features(text)
        var counts: [Int32: Float] = [:]
        var owners: [Int32: [Int]] = [:]
        for (f, o) in zip(feats, owner) {
            guard let id = vocabulary[f] else { continue }
            counts[id, default: 0] += 1
            owners[id, default: []].append(o)
        }
        var v = SparseVector()
        var own: [[Int]] = []
        v.indices.reserveCapacity(counts.count)
        v.values.reserveCapacity(counts.count)
        for (id, c) in counts.sorted(by: { $0.key < $1.key }) {
            v.indices.append(id)
            v.values.append((1 + log(c)) * idf[Int(id)])
            own.append(owners[id]!)
        }
        let norm = v.squaredNorm.squareRoot()
        if norm > 0 { for i in v.values.indices { v.values[i] /= norm } }
        return (v, own, toks)
    }
}
