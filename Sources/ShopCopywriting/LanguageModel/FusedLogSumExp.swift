import Foundation
import ShopNeural

/// `PrefixStateCache.logSumExp` in two read-only passes over a row instead of four
/// (bias add stored, max, exp stored, sum): the normaliser of every new prefix runs over
/// the whole vocabulary, and that loop was the largest share of ranking after the matrix
/// product. Bit for bit the same result: the bias is added the same way in both passes,
/// the maximum keeps the reference's four running maxima, the exponentials are
/// ShopNeural's `fastExp` step by step on four lanes at once, and the sum keeps the
/// reference's eight running sums, tail and pairing (`FusedLogSumExpTests`).
enum FusedLogSumExp {
    /// log Σ exp(p[k] + b[k]) over k < n, as `PrefixStateCache.logSumExp(p, bias: b, n)`
    /// computes it (p is not written).
    static func value(_ p: UnsafePointer<Float>, bias b: UnsafePointer<Float>, _ n: Int) -> Float {
        // The maximum: lanes j % 4, tail into lane 0, then max(max(m0, m1), max(m2, m3)).
        var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0
        var j = 0
        while j + 4 <= n {
            m0 = max(m0, p[j] + b[j]); m1 = max(m1, p[j + 1] + b[j + 1])
            m2 = max(m2, p[j + 2] + b[j + 2]); m3 = max(m3, p[j + 3] + b[j + 3])
            j += 4
        }
        while j < n { m0 = max(m0, p[j] + b[j]); j += 1 }
        let best = max(max(m0, m1), max(m2, m3))

        // The sum: s[j % 8] for whole blocks of 8, tail into s0, then
        // ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)).
        var lo = SIMD4<Float>(repeating: 0), hi = SIMD4<Float>(repeating: 0)
        let shift = SIMD4<Float>(repeating: best)
        j = 0
        let raw = UnsafeRawPointer(p), rawB = UnsafeRawPointer(b)
        while j + 8 <= n {
            let x0 = raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD4<Float>.self)
                + rawB.loadUnaligned(fromByteOffset: j * 4, as: SIMD4<Float>.self)
            let x1 = raw.loadUnaligned(fromByteOffset: (j + 4) * 4, as: SIMD4<Float>.self)
                + rawB.loadUnaligned(fromByteOffset: (j + 4) * 4, as: SIMD4<Float>.self)
            lo += exp4(x0 - shift)
            hi += exp4(x1 - shift)
            j += 8
        }
        var s0 = lo[0]
        while j < n { s0 += fastExp((p[j] + b[j]) - best); j += 1 }
        let total = ((s0 + hi[0]) + (lo[1] + hi[1])) + ((lo[2] + hi[2]) + (lo[3] + hi[3]))
        return best + log(total)
    }

    /// ShopNeural's `fastExp` on four lanes: the same operations in the same order.
    @inline(__always)
    static func exp4(_ v: SIMD4<Float>) -> SIMD4<Float> {
        let x = pointwiseMin(pointwiseMax(v, SIMD4(repeating: -87.0)), SIMD4(repeating: 88.0))
        let t = x * SIMD4(repeating: 1.4426950408889634)
        let magic: Float = 12_582_912
        let shifted = t + SIMD4(repeating: magic)
        let r = shifted - SIMD4(repeating: magic)
        let f = t - r
        let n = unsafeBitCast(shifted, to: SIMD4<Int32>.self) &- SIMD4(repeating: Int32(bitPattern: magic.bitPattern))
        var q = SIMD4<Float>(repeating: 1.525273380405984e-05)
        q = q * f + SIMD4(repeating: 1.5403530393381606e-04)
        q = q * f + SIMD4(repeating: 1.3333558146428443e-03)
        q = q * f + SIMD4(repeating: 9.618129107628477e-03)
        q = q * f + SIMD4(repeating: 5.550410866482158e-02)
        q = q * f + SIMD4(repeating: 0.2402265069591007)
        q = q * f + SIMD4(repeating: 0.6931471805599453)
        q = q * f + SIMD4(repeating: 1)
        return q * unsafeBitCast((n &+ 127) &<< 23, to: SIMD4<Float>.self)
    }
}
