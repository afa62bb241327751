/// The words kept for training: those seen at least `minCount` times, most frequent
/// first (ties broken by the word itself, so the order never depends on hashing).
public struct Vocabulary: Sendable {
    public let words: [String]
    public let counts: [Int]
    public let index: [String: Int]

    /// Total occurrences of kept words (the number of tokens one epoch walks over).
    public var totalCount: Int { counts.reduce(0, +) }

    public init(counts table: [String: Int], minCount: Int, maxSize: Int? = nil) {
        var kept = table.filter { $0.value >= minCount }.map { ($0.key, $0.value) }
        kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if let maxSize, kept.count > maxSize { kept.removeLast(kept.count - maxSize) }
        words = kept.map(\.0)
        counts = kept.map(\.1)
        var index: [String: Int] = [:]
        index.reserveCapacity(kept.count)
        for (i, w) in words.enumerated() { index[w] = i }
        self.index = index
    }

    public var count: Int { words.count }
}
