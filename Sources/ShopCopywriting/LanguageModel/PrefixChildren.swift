import ShopCore

/// The prefix trie's edges: (parent node, token) → child node, packed into one 64-bit key
/// of an `IntegerKeyTable` (the trie walk looks up every token of every scored sentence).
struct PrefixChildren {
    private var table: IntegerKeyTable

    init(minimumCapacity: Int = 1024) {
        table = IntegerKeyTable(minimumCapacity: minimumCapacity)
    }

    var count: Int { table.count }

    /// The edge's key: the parent in the high half, the token in the low half.
    @inline(__always)
    static func key(parent: Int32, token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    subscript(parent: Int32, token: Int32) -> Int32? {
        table[Self.key(parent: parent, token: token)]
    }

    /// Adds an edge that is not in the table.
    mutating func insert(parent: Int32, token: Int32, child: Int32) {
        let old = table.set(Self.key(parent: parent, token: token), child)
        precondition(old == nil, "edge already present")
    }

    /// Forgets every edge, keeping the storage.
    mutating func removeAll() {
        table.removeAll()
    }
}
