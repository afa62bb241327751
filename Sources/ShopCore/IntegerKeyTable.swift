/// A map from 64-bit keys to `Int32` values in one open-addressing table (linear probing,
/// a multiplicative hash to spread the keys).
///
/// Why not `[UInt64: Int32]`: the keys here are hashes already, or small integers packed
/// together, and only need spreading. The dictionary's SipHash was a tenth of the copy LM's
/// prefix trie (`PrefixChildren`) and most of the batch diversity penalty (`PhraseUsage`);
/// it also indexes a sentiment model's n-gram `Vocabulary`, filled at every load. Emptying
/// the table is one fill of its key array, keeping the storage.
public struct IntegerKeyTable: Sendable {
    /// Marks a free slot; the key with this value is kept apart, so every key is allowed.
    @usableFromInline static let free = UInt64.max
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Int32]
    @usableFromInline var shift: UInt64
    @usableFromInline var freeKeyValue: Int32?
    /// Keys held.
    public private(set) var count = 0

    public init(minimumCapacity: Int = 16) {
        var bits = 4
        while (1 << bits) < 2 * minimumCapacity { bits += 1 }
        keys = [UInt64](repeating: Self.free, count: 1 << bits)
        values = [Int32](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inlinable @inline(__always)
    func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inlinable
    public subscript(key: UInt64) -> Int32? {
        if key == Self.free { return freeKeyValue }
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let found = keys[i]
            if found == key { return values[i] }
            if found == Self.free { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets `key`'s value; returns the value it replaced (nil: the key is new).
    @discardableResult
    public mutating func set(_ key: UInt64, _ value: Int32) -> Int32? {
        if key == Self.free {
            defer { freeKeyValue = value }
            if freeKeyValue == nil { count += 1 }
            return freeKeyValue
        }
        if 2 * (count + 1) > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let found = keys[i]
            if found == key {
                let old = values[i]
                values[i] = value
                return old
            }
            if found == Self.free { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
        return nil
    }

    /// Forgets every key, keeping the storage.
    public mutating func removeAll() {
        guard count > 0 else { return }
        keys.withUnsafeMutableBufferPointer { $0.update(repeating: Self.free) }
        freeKeyValue = nil
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.free, count: 2 * oldKeys.count)
        values = [Int32](repeating: 0, count: 2 * oldKeys.count)
        shift -= 1
        let mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where k != Self.free {
            var i = slot(k)
            while keys[i] != Self.free { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}
