import Foundation

/// A small, fast, seedable generator (xoshiro256** seeded through SplitMix64).
///
/// Everything in ShopNeural that draws random numbers (initialisation, dropout,
/// shuffling) takes one of these, so a run is reproducible from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// False for `forLoadedWeights`: initial weights are left at 0 (`normal()` returns 0,
    /// `Parameter.initUniform` writes nothing) without drawing.
    public private(set) var drawsWeights = true

    /// A generator for building a model whose every weight a model file then overwrites
    /// (`ModelArchive.restore`, which throws for a missing tensor): no initial weight is
    /// drawn. Drawing a Box–Muller sample (a logarithm and a cosine) for every embedding
    /// weight only to overwrite it was over half of what the README's tagging command had
    /// left (0.98 → 0.45 s without it); the uniform draws of the LSTM and output layers were
    /// 3 ms of `describe`'s start.
    public static var forLoadedWeights: SeededRandom {
        var r = SeededRandom(seed: 0)
        r.drawsWeights = false
        return r
    }

    public init(seed: UInt64) {
        var x = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&x); s1 = splitMix(&x); s2 = splitMix(&x); s3 = splitMix(&x)
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1).
    public mutating func nextFloat() -> Float {
        Float(next() >> 40) * (1.0 / Float(1 << 24))
    }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * nextFloat()
    }

    /// Standard normal (Box–Muller).
    public mutating func normal() -> Float {
        guard drawsWeights else { return 0 }
        let u1 = max(Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0), 1e-300)
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }

    /// Uniform integer in 0..<n.
    public mutating func int(below n: Int) -> Int {
        Int(next() % UInt64(n))
    }

    /// A new generator derived from this one (for per-epoch or per-thread streams).
    public mutating func fork() -> SeededRandom {
        SeededRandom(seed: next())
    }
}
