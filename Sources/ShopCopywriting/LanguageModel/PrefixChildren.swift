/// The prefix trie's edges: (parent node, token) → child node, in one open-addressing table.
///
/// Why not `[UInt64: Int32]`: the trie walk looks up every token of every scored sentence,
/// and the dictionary's SipHash with a per-process seed was a tenth of the prefix cache's
/// own time. Keys here are small integers that only need spreading (a multiplicative hash),
/// and emptying the table for a reset is one fill of its key array.
struct PrefixChildren {
    /// No edge has this key: parents and tokens are non-negative `Int32`s.
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var bits = 4
        while (1 << bits) < 2 * minimumCapacity { bits += 1 }
        keys = [UInt64](repeating: Self.empty, count: 1 << bits)
        values = [Int32](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The edge's key: the parent in the high half, the token in the low half.
    @inline(__always)
    static func key(parent: Int32, token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(parent: Int32, token: Int32) -> Int32? {
        let k = Self.key(parent: parent, token: token)
        let mask = keys.count - 1
        var i = slot(k)
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds an edge that is not in the table.
    mutating func insert(parent: Int32, token: Int32, child: Int32) {
        if 2 * (count + 1) > keys.count { grow() }
        let k = Self.key(parent: parent, token: token)
        let mask = keys.count - 1
        var i = slot(k)
        while keys[i] != Self.empty {
            precondition(keys[i] != k, "edge already present")
            i = (i + 1) & mask
        }
        keys[i] = k
        values[i] = child
        count += 1
    }

    /// Forgets every edge, keeping the storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        keys.withUnsafeMutableBufferPointer { $0.update(repeating: Self.empty) }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: 2 * oldKeys.count)
        values = [Int32](repeating: 0, count: 2 * oldKeys.count)
        shift -= 1
        let mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where k != Self.empty {
            var i = slot(k)
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}
