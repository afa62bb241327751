import ShopCore

/// Stable 64-bit hashes for units and n-grams (FNV-1a then a SplitMix finaliser).
/// Stable across runs and machines, unlike Swift's seeded `Hasher`, so they can be
/// stored in model files.
public enum FeatureHash {
    @inline(__always)
    public static func scalars<C: Collection>(_ s: C) -> UInt64 where C.Element == Unicode.Scalar {
        mix(FNV1a.hash64(units: s.lazy.map(\.value)))
    }

    /// Combines an n-gram's running hash with its next unit; `salt` separates feature kinds.
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64, salt: UInt64 = 0) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    }

    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        SplitMix64.mix(x &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// The string form, for callers that have a `String`.
    public static func string(_ s: String) -> UInt64 { scalars(s.unicodeScalars) }
}
