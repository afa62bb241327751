import XCTest
import ShopCore
import ShopKernels
@testable import ShopCopywriting

/// Every variant of the C kernel (16 and 8 lanes) must give the Swift reference's bits, or
/// describe's output would depend on the CPU it ran on.
final class LogSumExpKernelTests: XCTestCase {
    func testKernelMatchesTheReferenceBitForBit() throws {
        try XCTSkipUnless(PrefixStateCache.vectorKernel, "this CPU has neither AVX-512F nor AVX2 with FMA: the Swift reference runs")
        let ran = OutputNormaliserKernelTests.eachVariant { width in check(width) }
        XCTAssertFalse(ran.isEmpty)
    }

    private func check(_ width: Int) {
        var rng = SplitMix64(seed: 2026)
        func uniform(_ lo: Float, _ hi: Float) -> Float { lo + (hi - lo) * Float(rng.below(1 << 24)) / Float(1 << 24) }
        // Every tail length of both the 16-wide and the 8-wide loops, and the real vocabularies.
        let sizes = Array(1...70) + [127, 128, 129, 2_500, 4_000]
        var checked = 0
        for n in sizes {
            for spread: Float in [0.5, 8, 40, 200] {  // 200: exponents past the clamp
                let logits = (0..<n).map { _ in uniform(-spread, spread) }
                let bias = (0..<n).map { _ in uniform(-2, 2) }
                var a = logits, b = logits
                let viaKernel = a.withUnsafeMutableBufferPointer { p in
                    bias.withUnsafeBufferPointer { shop_log_sum_exp(p.baseAddress!, $0.baseAddress!, n) }
                }
                let viaReference = b.withUnsafeMutableBufferPointer { p in
                    bias.withUnsafeBufferPointer { PrefixStateCache.logSumExpReference(p.baseAddress!, bias: $0.baseAddress!, n) }
                }
                XCTAssertEqual(viaKernel.bitPattern, viaReference.bitPattern, "\(width) lanes: n \(n), spread \(spread)")
                XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), "\(width) lanes: scratch values, n \(n), spread \(spread)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, sizes.count * 4)
    }
}
