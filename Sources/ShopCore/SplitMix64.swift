/// SplitMix64 (Steele, Lea & Flood 2014), the one small seeded generator every module
/// shares (shuffles, sampling, Hogwild threads, response variants), so a run reproduces from
/// its seed. ShopNeural's layers use the longer-period `SeededRandom`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A seed mixed from a run seed and a key such as a product id (FNV-1a of its UTF-8;
    /// Swift's `hashValue` is randomised per process, so it must not be used here).
    public init(seed: UInt64, key: String) {
        state = seed ^ FNV1a.hash64(key)
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scramble of 64 bits, also used on its own to
    /// spread hashes.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (bound > 0); the multiply-shift map is bias-free enough for sampling.
    @inlinable @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: ((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// Uniform in [0, 1).
    @inlinable @inline(__always)
    public mutating func unit() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Uniform in [0, 1) (the same value as `unit()`).
    @inlinable @inline(__always)
    public mutating func nextFloat() -> Float { unit() }
}
