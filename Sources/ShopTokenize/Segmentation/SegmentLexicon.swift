import ShopCore

/// The training text's words (2–6 units) as a hash set of unit-code sequences, for the
/// tagger's dictionary features: the longest known word starting at, ending at, and
/// running through each position.
struct SegmentLexicon: Sendable, LexiconLookup {
    static let maxLength = 6
    /// Open-addressing table of word keys and of the keys of their proper prefixes (so a
    /// scan stops as soon as no known word can continue), with `flags` 1 = word, 2 = prefix.
    private let table: [UInt64]
    private let flags: [UInt8]
    private let mask: Int
    /// The word keys and prefix keys (what the model file stores).
    let hashes: [UInt64]
    let prefixHashes: [UInt64]

    init(hashes: [UInt64], prefixes: [UInt64] = []) {
        let unique = Array(Set(hashes.filter { $0 != 0 })).sorted()
        self.hashes = unique
        prefixHashes = Array(Set(prefixes.filter { $0 != 0 })).sorted()
        var size = 16
        while size < (unique.count + prefixHashes.count) * 2 { size <<= 1 }
        mask = size - 1
        var table = [UInt64](repeating: 0, count: size)
        var flags = [UInt8](repeating: 0, count: size)
        func insert(_ h: UInt64, _ flag: UInt8) {
            var i = Int(truncatingIfNeeded: h >> 7) & (size - 1)
            while table[i] != 0 && table[i] != h { i = (i + 1) & (size - 1) }
            table[i] = h
            flags[i] |= flag
        }
        for h in unique { insert(h, 1) }
        for h in prefixHashes { insert(h, 2) }
        self.table = table
        self.flags = flags
    }

    /// 0 unknown, 1 word, 2 prefix of a word, 3 both.
    @inline(__always)
    func lookup(_ h: UInt64) -> UInt8 {
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while true {
            let v = table[i]
            if v == h { return flags[i] }
            if v == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ h: UInt64) -> Bool { lookup(h) & 1 != 0 }

    @inline(__always)
    static func step(_ state: UInt64, _ code: UInt32) -> UInt64 {
        // An FNV-1a step plus a constant, so short keys spread (the lexicon's own variant).
        FNV1a.step(state, UInt64(code)) &+ 0x9E37_79B9
    }

    /// The key of a word of `length` units whose rolling state is `state` (never 0).
    @inline(__always)
    static func key(_ state: UInt64, _ length: Int) -> UInt64 {
        var x = state ^ (UInt64(length) << 59)
        x ^= x >> 31
        x = x &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29
        return x | 1
    }

    /// The key of `codes[from..<from+length]`.
    static func key(_ codes: UnsafeBufferPointer<UInt32>, _ from: Int, _ length: Int) -> UInt64 {
        var s = FNV1a.offset64
        for k in from..<(from + length) { s = step(s, codes[k]) }
        return key(s, length)
    }

    /// Per position (0..<n, codes padded by two on each side): the longest lexicon word
    /// beginning there, ending there, and strictly containing it, packed as 3 bytes.
    static func positions<L: LexiconLookup>(_ lexicon: L, _ codes: UnsafeBufferPointer<UInt32>, _ n: Int,
                                            into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(0, count: n * 3))
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<n {
                var s = FNV1a.offset64
                s = step(s, codes[i + 2])
                let top = min(maxLength, n - i)
                if top < 2 { continue }
                for length in 2...top {
                    s = step(s, codes[i + 1 + length])
                    let found = lexicon.lookup(key(s, length))
                    if found == 0 { break }  // no known word goes on from here
                    guard found & 1 != 0 else { continue }
                    let l = UInt8(length)
                    o[i * 3] = l
                    let last = i + length - 1
                    if o[last * 3 + 1] < l { o[last * 3 + 1] = l }
                    for m in (i + 1)..<last where o[m * 3 + 2] < l { o[m * 3 + 2] = l }
                }
            }
        }
    }
}

/// Anything that answers "is this key a known word (bit 1) or the prefix of one (bit 2)?"
/// (the shipped lexicon, or the leave-one-fold-out lexicon used while training).
protocol LexiconLookup {
    func lookup(_ h: UInt64) -> UInt8
}
