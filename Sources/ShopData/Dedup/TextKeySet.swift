/// A set of normalised text keys (`TextKey`): what exclusion lists and dedup passes
/// test membership against. Empty keys (texts of only punctuation or symbols) are never
/// inserted and never match, so "!!!" in a test split does not ban "！！！" everywhere.
public struct TextKeySet: Sendable {
    private var keys = Set<String>()

    public init() {}

    /// A set holding the keys of `texts`.
    public init<S: Sequence>(texts: S) where S.Element == String {
        for t in texts { insert(text: t) }
    }

    /// Number of distinct non-empty keys.
    public var count: Int { keys.count }

    /// Adds the key of `text`; returns false when it was already there or is empty.
    @discardableResult
    public mutating func insert(text: String) -> Bool {
        insert(key: TextKey.of(text))
    }

    /// Adds an already computed key; returns false when it was already there or is empty.
    @discardableResult
    public mutating func insert(key: String) -> Bool {
        guard !key.isEmpty else { return false }
        return keys.insert(key).inserted
    }

    /// Adds every key of `other`.
    public mutating func formUnion(_ other: TextKeySet) { keys.formUnion(other.keys) }

    /// Whether `text` has a normalised twin in the set.
    public func contains(text: String) -> Bool { contains(key: TextKey.of(text)) }

    /// Whether the already computed `key` is in the set.
    public func contains(key: String) -> Bool { !key.isEmpty && keys.contains(key) }
}
