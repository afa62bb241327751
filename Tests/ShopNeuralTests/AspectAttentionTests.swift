import XCTest
@testable import ShopNeural

/// AspectAttention: masks, and every gradient (parameters, input, query) against finite differences.
final class AspectAttentionTests: XCTestCase {
    let checker = GradientChecker()

    func testGradientsWithMasks() {
        var rng = SeededRandom(seed: 31)
        let B = 3, T = 4, D = 5, Q = 3, A = 4
        let lengths = [4, 1, 0]
        let layer = AspectAttention(inputSize: D, querySize: Q, attentionSize: A, rng: &rng)
        for i in 0..<A { layer.bias.value[i] = rng.uniform(-1, 1) }
        let xr = Ref(randomMatrix(T * B, D, &rng))
        let qr = Ref(randomMatrix(B, Q, &rng))
        let r = (0..<(B * D)).map { _ in rng.uniform(-1, 1) }
        let cache = AspectAttention.Cache()
        layer.forward(xr.value, query: qr.value, batch: B, lengths: lengths, cache: cache)
        XCTAssertEqual(cache.weights.row(0).reduce(0, +), 1, accuracy: 1e-5)
        XCTAssertEqual(cache.weights.row(1), [1, 0, 0, 0])
        XCTAssertEqual(cache.weights.row(2), [0, 0, 0, 0], "empty sequence gets no attention")
        XCTAssertEqual(cache.output.row(2), [0, 0, 0, 0, 0])
        var gx = Matrix(rows: 0, cols: 0), gq = Matrix(rows: 0, cols: 0)
        layer.backward(input: xr.value, query: qr.value, gradOutput: Matrix(rows: B, cols: D, data: r), cache: cache,
                       gradInput: &gx, gradQuery: &gq)
        func loss() -> Double {
            let c = AspectAttention.Cache()
            layer.forward(xr.value, query: qr.value, batch: B, lengths: lengths, cache: c)
            return projection(c.output, r)
        }
        for p in layer.parameters { assertPassed(checker.check(p, loss: loss)) }
        let analyticX = gx.data, analyticQ = gq.data
        assertPassed(checker.check("aspect_attention.input", input: xr, analytic: analyticX, loss: loss))
        assertPassed(checker.check("aspect_attention.query", input: qr, analytic: analyticQ, loss: loss))
        // Padded positions and the empty sequence's query cannot affect anything.
        for t in 0..<T { for b in 0..<B where t >= lengths[b] { XCTAssertTrue(gx.row(t * B + b).allSatisfy { $0 == 0 }) } }
        XCTAssertTrue(gq.row(2).allSatisfy { $0 == 0 })
    }

    /// The query must change where attention goes: two different queries give different weights.
    func testQuerySteersAttention() {
        var rng = SeededRandom(seed: 32)
        let layer = AspectAttention(inputSize: 4, querySize: 2, attentionSize: 3, rng: &rng)
        let x = randomMatrix(5, 4, &rng)
        let c1 = AspectAttention.Cache(), c2 = AspectAttention.Cache()
        layer.forward(x, query: Matrix(rows: 1, cols: 2, data: [3, -3]), batch: 1, lengths: [5], cache: c1)
        layer.forward(x, query: Matrix(rows: 1, cols: 2, data: [-3, 3]), batch: 1, lengths: [5], cache: c2)
        let diff = zip(c1.weights.data, c2.weights.data).map { abs($0 - $1) }.reduce(0, +)
        XCTAssertGreaterThan(diff, 1e-3)
    }
}
