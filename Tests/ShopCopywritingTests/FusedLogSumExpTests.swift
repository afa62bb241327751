import XCTest
import ShopCore
@testable import ShopCopywriting

/// The two-pass normaliser must give the four-pass reference's Float bit for bit, so that
/// LM scores, and with them the chosen blurbs, do not move.
final class FusedLogSumExpTests: XCTestCase {
    func testSameBitsAsTheReference() {
        var rng = SplitMix64(seed: 19)
        var checked = 0
        for n in Array(1...41) + [2500, 2503, 4000] {
            for scale: Float in [0.01, 1, 8, 60] {
                let logits = (0..<n).map { _ in (rng.unit() * 2 - 1) * scale }
                let bias = (0..<n).map { _ in (rng.unit() * 2 - 1) * scale / 4 }
                var scratch = logits
                let reference = scratch.withUnsafeMutableBufferPointer { p in
                    bias.withUnsafeBufferPointer { b in PrefixStateCache.logSumExp(p.baseAddress!, bias: b.baseAddress!, n) }
                }
                let fused = logits.withUnsafeBufferPointer { p in
                    bias.withUnsafeBufferPointer { b in FusedLogSumExp.value(p.baseAddress!, bias: b.baseAddress!, n) }
                }
                XCTAssertEqual(fused.bitPattern, reference.bitPattern, "n \(n) scale \(scale): \(fused) vs \(reference)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 44 * 4)
    }

    func testClampedTailsAgree() {
        // Far below the maximum: fastExp's clamp at -87 is taken on the four-lane path too.
        var logits = [Float](repeating: -200, count: 19), bias = [Float](repeating: 0, count: 19)
        logits[3] = 50; bias[11] = 120
        var scratch = logits
        let reference = scratch.withUnsafeMutableBufferPointer { p in bias.withUnsafeBufferPointer { PrefixStateCache.logSumExp(p.baseAddress!, bias: $0.baseAddress!, 19) } }
        let fused = logits.withUnsafeBufferPointer { p in bias.withUnsafeBufferPointer { FusedLogSumExp.value(p.baseAddress!, bias: $0.baseAddress!, 19) } }
        XCTAssertEqual(fused.bitPattern, reference.bitPattern)
    }
}
