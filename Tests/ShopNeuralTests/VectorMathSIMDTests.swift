import XCTest
import ShopNeural

/// The SIMD kernels the skip-gram trainer uses, against plain loops on values whose sums are
/// exact in float, at every length around the 8- and 16-lane steps (tails included).
final class VectorMathSIMDTests: XCTestCase {
    func testDotAndAxpyMatchPlainLoops() {
        for n in 0...40 {
            let x = (0..<n).map { Float($0 % 7) - 3 }, y = (0..<n).map { Float(($0 * 5) % 11) - 5 }
            let expected = zip(x, y).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(VectorMath.dotSIMD(x, y, n), expected, "n = \(n)")
            XCTAssertEqual(VectorMath.dot(x, y, n), expected, "n = \(n)")
            var z = y
            z.withUnsafeMutableBufferPointer { zp in VectorMath.axpy(2, x, zp.baseAddress!, n) }
            XCTAssertEqual(z, zip(x, y).map { 2 * $0 + $1 }, "n = \(n)")
        }
    }
}
