/// FNV-1a, the one stable hash of the package (Swift's `Hasher` is seeded per process, so
/// it cannot name a feature in a model file or checksum one). Each variant below is what
/// some file format or model was built with; they are kept apart so stored hashes match.
public enum FNV1a {
    /// The 64-bit offset basis.
    public static let offset64: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The 64-bit prime.
    public static let prime64: UInt64 = 0x0000_0100_0000_01b3
    /// The 32-bit offset basis.
    public static let offset32: UInt32 = 2_166_136_261
    /// The 32-bit prime.
    public static let prime32: UInt32 = 16_777_619

    /// One 64-bit step: folds `value` (a byte, or a whole code point) into `hash`.
    @inlinable @inline(__always)
    public static func step(_ hash: UInt64, _ value: UInt64) -> UInt64 { (hash ^ value) &* prime64 }

    /// 64-bit FNV-1a over bytes: the checksum of every model file, and the hash of
    /// feature strings (as UTF-8).
    @inlinable
    public static func hash64<C: Sequence>(bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = offset64
        for b in bytes { h = step(h, UInt64(b)) }
        return h
    }

    /// 64-bit FNV-1a over a string's UTF-8 bytes.
    @inlinable
    public static func hash64(_ s: String) -> UInt64 { hash64(bytes: s.utf8) }

    /// 64-bit FNV-1a that folds in whole code points (or other 32-bit units) instead of
    /// bytes, from `seed` (the offset basis unless a caller separates kinds of hash).
    @inlinable
    public static func hash64<C: Sequence>(units: C, seed: UInt64 = offset64) -> UInt64 where C.Element == UInt32 {
        var h = seed
        for v in units { h = step(h, UInt64(v)) }
        return h
    }

    /// 32-bit FNV-1a over a string's UTF-8 bytes (the subword buckets of the word vectors).
    @inlinable
    public static func hash32(_ s: String) -> UInt32 {
        var h = offset32
        for b in s.utf8 { h = (h ^ UInt32(b)) &* prime32 }
        return h
    }

    /// `hash64(bytes:)` as the 16 lower-case hex digits manifests and `/readyz` show.
    public static func hex64<C: Sequence>(bytes: C) -> String where C.Element == UInt8 {
        let s = String(hash64(bytes: bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
