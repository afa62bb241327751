import XCTest
@testable import ShopNeural

/// Every layer's backward pass against central finite differences, with masks and padding.
final class LayerGradientTests: XCTestCase {
    let checker = GradientChecker()

    func testDense() {
        var rng = SeededRandom(seed: 1)
        let layer = Dense(inputSize: 4, outputSize: 5, rng: &rng)
        for i in 0..<layer.bias.count { layer.bias.value[i] = rng.uniform(-1, 1) }
        let xr = Ref(randomMatrix(3, 4, &rng))
        let r = (0..<15).map { _ in rng.uniform(-1, 1) }
        var out = Matrix(rows: 0, cols: 0), gx = Matrix(rows: 0, cols: 0)
        layer.forward(xr.value, output: &out)
        layer.backward(input: xr.value, gradOutput: Matrix(rows: 3, cols: 5, data: r), gradInput: &gx)
        func loss() -> Double { var o = Matrix(rows: 0, cols: 0); layer.forward(xr.value, output: &o); return projection(o, r) }
        assertPassed(checker.check(layer.weight, loss: loss))
        assertPassed(checker.check(layer.bias, loss: loss))
        let analytic = gx.data
        assertPassed(checker.check("dense.input", input: xr, analytic: analytic, loss: loss))
    }

    func testEmbeddingWithPadding() {
        var rng = SeededRandom(seed: 2)
        let layer = Embedding(vocabSize: 6, dim: 3, paddingIndex: 0, rng: &rng)
        let ids: [Int32] = [2, 0, 5, 2, 1, 0]
        let r = (0..<18).map { _ in rng.uniform(-1, 1) }
        var out = Matrix(rows: 0, cols: 0)
        layer.forward(ids: ids, output: &out)
        XCTAssertEqual(Array(out.data[3..<6]), [0, 0, 0], "padding row must be zero")
        layer.backward(ids: ids, gradOutput: Matrix(rows: 6, cols: 3, data: r))
        XCTAssertEqual(Set(layer.weight.touchedRows), [1, 2, 5])
        // The padding row is constant: its gradient must be zero even though the loss sees it.
        XCTAssertEqual(Array(layer.weight.grad[0..<3]), [0, 0, 0])
        let result = checker.check(layer.weight, indices: Array(3..<18)) {
            var o = Matrix(rows: 0, cols: 0); layer.forward(ids: ids, output: &o); return projection(o, r)
        }
        assertPassed(result)
        layer.weight.zeroGrad()
        XCTAssertTrue(layer.weight.grad.allSatisfy { $0 == 0 } && layer.weight.touchedRows.isEmpty)
    }

    func testEmbeddingBagWithRepeatsAndEmptyBag() {
        var rng = SeededRandom(seed: 3)
        let layer = EmbeddingBag(buckets: 7, dim: 4, rng: &rng)
        for i in 0..<layer.weight.count { layer.weight.value[i] = rng.uniform(-1, 1) }
        let bags: [[Int32]] = [[1, 3, 3], [], [6]]
        let r = (0..<12).map { _ in rng.uniform(-1, 1) }
        var out = Matrix(rows: 0, cols: 0)
        layer.forward(bags: bags, output: &out)
        XCTAssertEqual(Array(out.data[4..<8]), [0, 0, 0, 0], "an empty bag gives zeros")
        layer.backward(bags: bags, gradOutput: Matrix(rows: 3, cols: 4, data: r))
        assertPassed(checker.check(layer.weight) {
            var o = Matrix(rows: 0, cols: 0); layer.forward(bags: bags, output: &o); return projection(o, r)
        })
    }

    func checkLSTM(reverse: Bool) {
        var rng = SeededRandom(seed: reverse ? 5 : 4)
        let B = 3, T = 4, In = 3, H = 4
        let lengths = [4, 2, 0]
        let layer = LSTM(inputSize: In, hiddenSize: H, reverse: reverse, rng: &rng)
        let xr = Ref(randomMatrix(T * B, In, &rng))
        let r = (0..<(T * B * H)).map { _ in rng.uniform(-1, 1) }
        let cache = LSTM.Cache()
        layer.forward(xr.value, batch: B, lengths: lengths, cache: cache)
        for t in 0..<T { for b in 0..<B where t >= lengths[b] {
            XCTAssertTrue(cache.output.row(t * B + b).allSatisfy { $0 == 0 }, "output at padding must be zero")
        } }
        var gx = Matrix(rows: 0, cols: 0)
        layer.backward(input: xr.value, gradOutput: Matrix(rows: T * B, cols: H, data: r), cache: cache, gradInput: &gx)
        func loss() -> Double {
            let c = LSTM.Cache(); layer.forward(xr.value, batch: B, lengths: lengths, cache: c); return projection(c.output, r)
        }
        for p in layer.parameters { assertPassed(checker.check(p, loss: loss)) }
        let analytic = gx.data
        assertPassed(checker.check("lstm.input", input: xr, analytic: analytic, loss: loss))
        // Padded input positions cannot affect anything.
        for t in 0..<T { for b in 0..<B where t >= lengths[b] { XCTAssertTrue(gx.row(t * B + b).allSatisfy { $0 == 0 }) } }
    }

    func testLSTMForward() { checkLSTM(reverse: false) }
    func testLSTMReverse() { checkLSTM(reverse: true) }

    func testReverseLSTMStartsAtEachSequencesEnd() {
        // A reverse LSTM must read sequence b from lengths[b]-1 down: padding after it changes nothing.
        var rng = SeededRandom(seed: 6)
        let layer = LSTM(inputSize: 2, hiddenSize: 3, reverse: true, rng: &rng)
        let seq = randomMatrix(2, 2, &rng)  // 2 steps, batch 1
        var padded = Matrix(rows: 4, cols: 2)  // 4 steps, batch 1, garbage in the padding
        for i in 0..<4 { padded.data[4 + i] = 9 }
        for i in 0..<4 { padded.data[i] = seq.data[i] }
        let a = LSTM.Cache(), b = LSTM.Cache()
        layer.forward(seq, batch: 1, lengths: [2], cache: a)
        layer.forward(padded, batch: 1, lengths: [2], cache: b)
        for i in 0..<6 { XCTAssertEqual(a.output.data[i], b.output.data[i], accuracy: 1e-6) }
    }

    func testBiLSTM() {
        var rng = SeededRandom(seed: 7)
        let B = 2, T = 5, In = 3, H = 3
        let lengths = [3, 5]
        let layer = BiLSTM(inputSize: In, hiddenSize: H, rng: &rng)
        let xr = Ref(randomMatrix(T * B, In, &rng))
        let r = (0..<(T * B * 2 * H)).map { _ in rng.uniform(-1, 1) }
        let cache = BiLSTM.Cache()
        layer.forward(xr.value, batch: B, lengths: lengths, cache: cache)
        var gx = Matrix(rows: 0, cols: 0)
        layer.backward(input: xr.value, gradOutput: Matrix(rows: T * B, cols: 2 * H, data: r), cache: cache, gradInput: &gx)
        func loss() -> Double {
            let c = BiLSTM.Cache(); layer.forward(xr.value, batch: B, lengths: lengths, cache: c); return projection(c.output, r)
        }
        for p in layer.parameters { assertPassed(checker.check(p, loss: loss)) }
        let analytic = gx.data
        assertPassed(checker.check("bilstm.input", input: xr, analytic: analytic, loss: loss))
    }

    func testAttentionPoolingWithMasks() {
        var rng = SeededRandom(seed: 8)
        let B = 3, T = 4, D = 5, A = 3
        let lengths = [4, 1, 0]
        let layer = AttentionPooling(inputSize: D, attentionSize: A, rng: &rng)
        for i in 0..<A { layer.bias.value[i] = rng.uniform(-1, 1) }
        let xr = Ref(randomMatrix(T * B, D, &rng))
        let r = (0..<(B * D)).map { _ in rng.uniform(-1, 1) }
        let cache = AttentionPooling.Cache()
        layer.forward(xr.value, batch: B, lengths: lengths, cache: cache)
        XCTAssertEqual(cache.weights.row(0).reduce(0, +), 1, accuracy: 1e-5)
        XCTAssertEqual(cache.weights.row(1), [1, 0, 0, 0])
        XCTAssertEqual(cache.weights.row(2), [0, 0, 0, 0], "empty sequence gets no attention")
        XCTAssertEqual(cache.output.row(2), [0, 0, 0, 0, 0])
        var gx = Matrix(rows: 0, cols: 0)
        layer.backward(input: xr.value, gradOutput: Matrix(rows: B, cols: D, data: r), cache: cache, gradInput: &gx)
        func loss() -> Double {
            let c = AttentionPooling.Cache(); layer.forward(xr.value, batch: B, lengths: lengths, cache: c)
            return projection(c.output, r)
        }
        for p in layer.parameters { assertPassed(checker.check(p, loss: loss)) }
        let analytic = gx.data
        assertPassed(checker.check("attention.input", input: xr, analytic: analytic, loss: loss))
    }

    func testDropout() {
        var rng = SeededRandom(seed: 9)
        let layer = Dropout(rate: 0.5)
        let xr = Ref(randomMatrix(4, 5, &rng))
        let r = (0..<20).map { _ in rng.uniform(-1, 1) }
        var mask: [Float] = []
        var y = xr.value
        var maskRNG = SeededRandom(seed: 99)
        layer.forward(&y, mask: &mask, rng: &maskRNG)
        XCTAssertTrue(mask.allSatisfy { $0 == 0 || $0 == 2 })
        XCTAssertTrue(mask.contains(0) && mask.contains(2))
        var g = Matrix(rows: 4, cols: 5, data: r)
        layer.backward(&g, mask: mask)
        let analytic = g.data
        assertPassed(checker.check("dropout.input", input: xr, analytic: analytic) {
            var yy = xr.value, m: [Float] = [], rr = SeededRandom(seed: 99)  // same seed, same mask
            layer.forward(&yy, mask: &m, rng: &rr)
            return projection(yy, r)
        })
        // Many draws keep about half.
        var big = Matrix(rows: 100, cols: 100, data: [Float](repeating: 1, count: 10_000))
        layer.forward(&big, mask: &mask, rng: &maskRNG)
        let kept = mask.filter { $0 > 0 }.count
        XCTAssertTrue((4_700...5_300).contains(kept), "kept \(kept) of 10000")
    }

    func testSoftmaxCrossEntropyWithClassWeights() {
        var rng = SeededRandom(seed: 10)
        let lr = Ref(randomMatrix(4, 3, &rng, scale: 2))
        let labels = [0, 2, 1, 2]
        let weights: [Float] = [1, 3, 0.5]
        var grad = Matrix(rows: 0, cols: 0)
        let loss = SoftmaxCrossEntropy.loss(logits: lr.value, labels: labels, classWeights: weights, gradient: &grad)
        // Direct formula.
        let p = SoftmaxCrossEntropy.softmax(lr.value)
        var num = 0.0, den = 0.0
        for (r, y) in labels.enumerated() { num -= Double(weights[y]) * log(Double(p[r, y])); den += Double(weights[y]) }
        XCTAssertEqual(Double(loss), num / den, accuracy: 1e-5)
        let analytic = grad.data
        assertPassed(checker.check("logits", input: lr, analytic: analytic) {
            var g = Matrix(rows: 0, cols: 0)
            return Double(SoftmaxCrossEntropy.loss(logits: lr.value, labels: labels, classWeights: weights, gradient: &g))
        })
    }
}
