import XCTest
@testable import ShopNeural

/// The checker must reject wrong gradients, or the gradient tests prove nothing.
final class GradientCheckerSelfTests: XCTestCase {
    func testRejectsSlightlyWrongGradients() {
        var rng = SeededRandom(seed: 1)
        let layer = LSTM(inputSize: 3, hiddenSize: 4, rng: &rng)
        let x = randomMatrix(6, 3, &rng)
        let r = (0..<24).map { _ in rng.uniform(-1, 1) }
        let cache = LSTM.Cache()
        layer.forward(x, batch: 2, lengths: [3, 2], cache: cache)
        var gx = Matrix(rows: 0, cols: 0)
        layer.backward(input: x, gradOutput: Matrix(rows: 6, cols: 4, data: r), cache: cache, gradInput: &gx)
        func loss() -> Double {
            let c = LSTM.Cache(); layer.forward(x, batch: 2, lengths: [3, 2], cache: c); return projection(c.output, r)
        }
        let checker = GradientChecker()
        XCTAssertTrue(checker.check(layer.weightHH, loss: loss).passed)
        // 10% too large, or one entry off: both must be caught.
        let correct = layer.weightHH.grad
        layer.weightHH.grad = correct.map { $0 * 1.1 }
        XCTAssertFalse(checker.check(layer.weightHH, loss: loss).passed)
        layer.weightHH.grad = correct
        let big = correct.indices.max { abs(correct[$0]) < abs(correct[$1]) }!
        layer.weightHH.grad[big] *= -1
        XCTAssertFalse(checker.check(layer.weightHH, indices: [big], loss: loss).passed)
    }
}
