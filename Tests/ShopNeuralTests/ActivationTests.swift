import XCTest
import Foundation
@testable import ShopNeural

/// The fast element-wise functions against libm.
final class ActivationTests: XCTestCase {
    func testFastTanhSigmoidExpMatchLibm() {
        var worstTanh: Double = 0, worstSigmoid: Double = 0, worstExp: Double = 0
        var x: Float = -30
        while x <= 30 {
            worstTanh = max(worstTanh, abs(Double(fastTanh(x)) - tanh(Double(x))))
            worstSigmoid = max(worstSigmoid, abs(Double(fastSigmoid(x)) - 1 / (1 + exp(-Double(x)))))
            let e = exp(Double(x))
            worstExp = max(worstExp, abs(Double(fastExp(x)) - e) / e)
            x += 0.001
        }
        XCTAssertLessThan(worstTanh, 2e-6)
        XCTAssertLessThan(worstSigmoid, 2e-6)
        XCTAssertLessThan(worstExp, 3e-6)  // float rounding of x·log2 e dominates at |x| ≈ 30
        XCTAssertEqual(fastExp(-200), Float(exp(-87.0)), accuracy: 1e-40)  // clamped, finite, tiny
        XCTAssertTrue(fastExp(100).isFinite)
    }

    func testLogSoftmaxRows() {
        var rng = SeededRandom(seed: 4)
        let rows = 5, n = 37
        var data = (0..<(rows * n)).map { _ in rng.uniform(-20, 20) }
        let original = data
        data.withUnsafeMutableBufferPointer { LogSoftmax.inPlace($0.baseAddress!, rows: [0, 2, 4], width: n) }
        for r in 0..<rows {
            let row = original[(r * n)..<((r + 1) * n)].map(Double.init)
            let m = row.max()!
            let logZ = m + log(row.reduce(0) { $0 + exp($1 - m) })
            for j in 0..<n {
                let expected = r % 2 == 0 ? row[j] - logZ : row[j]  // unlisted rows untouched
                XCTAssertEqual(Double(data[r * n + j]), expected, accuracy: 1e-4)
            }
        }
    }
}
