/// SplitMix64, the one small seeded generator every module shares (shuffles, sampling,
/// Hogwild threads, response variants), so a run reproduces from its seed. ShopNeural's own
/// layers use the longer-period `SeededRandom`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A seed mixed from a run seed and a key such as a product id (FNV-1a; Swift's
    /// `hashValue` is randomised per process, so it must not be used here).
    public init(seed: UInt64, key: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        state = seed ^ h
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (bound > 0); the multiply-shift map is bias-free enough for sampling.
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: ((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// Uniform in [0, 1).
    @inline(__always)
    public mutating func unit() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Uniform in [0, 1) (the same value as `unit()`).
    @inline(__always)
    public mutating func nextFloat() -> Float { unit() }
}
