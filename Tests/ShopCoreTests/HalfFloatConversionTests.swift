import ShopKernels
import XCTest
@testable import ShopCore

/// `shop_half_to_float` (model files' float16 weights) against Swift's own conversion and
/// the portable reference, on every one of the 65,536 bit patterns.
final class HalfFloatConversionTests: XCTestCase {
    func testEveryFloat16ConvertsAsSwiftConvertsIt() {
        // Little-endian bytes of every pattern, at an odd offset so the vector path's loads
        // are unaligned, and a length that leaves a scalar tail.
        let n = 1 << 16
        var bytes = [UInt8](repeating: 0, count: 1 + 2 * n)
        for i in 0..<n { bytes[1 + 2 * i] = UInt8(i & 0xff); bytes[2 + 2 * i] = UInt8(i >> 8) }
        var fast = [Float](repeating: -1, count: n), reference = [Float](repeating: -1, count: n)
        bytes.withUnsafeBufferPointer { b in
            fast.withUnsafeMutableBufferPointer { f in
                shop_half_to_float(b.baseAddress! + 1, f.baseAddress!, n - 3)
                shop_half_to_float(b.baseAddress! + 1 + 2 * (n - 3), f.baseAddress! + (n - 3), 3)
            }
            reference.withUnsafeMutableBufferPointer { r in shop_half_to_float_reference(b.baseAddress! + 1, r.baseAddress!, n) }
        }
        var nans = 0
        for i in 0..<n {
            let swift = Float(Float16(bitPattern: UInt16(i)))
            if swift.isNaN {
                // A NaN stays a NaN of the same sign (F16C sets a signalling one's quiet bit).
                XCTAssertTrue(fast[i].isNaN && reference[i].isNaN && fast[i].sign == swift.sign, "pattern \(i)")
                nans += 1
                continue
            }
            XCTAssertEqual(fast[i].bitPattern, swift.bitPattern, "pattern \(i)")
            XCTAssertEqual(reference[i].bitPattern, swift.bitPattern, "pattern \(i)")
        }
        XCTAssertEqual(nans, 2 * 1023)
    }
}
