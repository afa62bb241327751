import ShopCore

/// The features a model knows: hashed n-gram keys with their index. Built from training
/// documents by document frequency with a minimum count and a maximum size.
public struct Vocabulary: Sendable {
    public private(set) var keys: [UInt64]
    /// Keys are hashes already: an open-addressing table, not a SipHash dictionary.
    private var index: IntegerKeyTable

    public var count: Int { keys.count }

    public init(keys: [UInt64]) {
        self.keys = keys
        var index = IntegerKeyTable(minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { index.set(k, Int32(i)) }
        self.index = index
    }

    @inline(__always)
    public func lookup(_ key: UInt64) -> Int32? { index[key] }

    /// Keeps features seen in at least `minCount` documents, the `maxSize` most frequent
    /// (ties broken by key so the result is deterministic).
    public static func build(documents: [[UInt64]], minCount: Int, maxSize: Int) -> Vocabulary {
        var df: [UInt64: Int32] = [:]
        for doc in documents {
            for k in Set(doc) { df[k, default: 0] += 1 }
        }
        var kept = df.filter { $0.value >= Int32(max(1, minCount)) }.map { ($0.key, $0.value) }
        kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if kept.count > maxSize { kept.removeLast(kept.count - maxSize) }
        return Vocabulary(keys: kept.map { $0.0 })
    }

    /// Sorted, de-duplicated indices of the known features among `keys` (binary bag).
    public func encode(_ keys: [UInt64]) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(keys.count)
        for k in keys { if let i = index[k] { ids.append(i) } }
        ids.sort()
        var w = 0
        for r in 0..<ids.count where r == 0 || ids[r] != ids[r - 1] {
            ids[w] = ids[r]; w += 1
        }
        ids.removeLast(ids.count - w)
        return ids
    }
}
