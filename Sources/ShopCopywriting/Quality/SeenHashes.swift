/// Which 64-bit hashes were given before, in a small open-addressing table on the stack.
///
/// Why: the repetition measure and the diversity penalty run on every candidate and ask
/// this of every unit pair or phrase; a `Set<UInt64>` hashes each key again with SipHash
/// and lives on the heap, and the keys are hashes already.
struct SeenHashes {
    private let table: UnsafeMutableBufferPointer<UInt64>
    private let bits: Int
    /// 0 marks a free slot: the zero key is tracked apart.
    private var zeroSeen = false

    private init(table: UnsafeMutableBufferPointer<UInt64>, bits: Int) {
        self.table = table
        self.bits = bits
    }

    /// Calls `body` with an empty set with room for `count` insertions.
    static func with<R>(roomFor count: Int, _ body: (inout SeenHashes) -> R) -> R {
        var bits = 6
        while (1 << bits) < 2 * count { bits += 1 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 1 << bits) { table in
            table.initialize(repeating: 0)
            var seen = SeenHashes(table: table, bits: bits)
            return body(&seen)
        }
    }

    /// Records `h`; true when it was not given before.
    @inline(__always)
    mutating func insert(_ h: UInt64) -> Bool {
        if h == 0 {
            defer { zeroSeen = true }
            return !zeroSeen
        }
        let mask = (1 << bits) - 1
        var k = Int(truncatingIfNeeded: (h &* 0xD6E8_FEB8_6659_FD93) >> UInt64(64 - bits))
        while true {
            if table[k] == 0 { table[k] = h; return true }
            if table[k] == h { return false }
            k = (k + 1) & mask
        }
    }
}
