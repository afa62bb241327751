/// Stable 64-bit hashes for units and n-grams (FNV-1a then a SplitMix finaliser).
/// Stable across runs and machines, unlike Swift's seeded `Hasher`, so they can be
/// stored in model files.
public enum FeatureHash {
    @inline(__always)
    public static func scalars<C: Collection>(_ s: C) -> UInt64 where C.Element == Unicode.Scalar {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s {
            h ^= UInt64(c.value)
            h = h &* 0x100_0000_01b3
        }
        return mix(h)
    }

    /// Combines an n-gram's running hash with its next unit; `salt` separates feature kinds.
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64, salt: UInt64 = 0) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    }

    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The string form, for callers that have a `String`.
    public static func string(_ s: String) -> UInt64 { scalars(s.unicodeScalars) }
}
