import XCTest
@testable import ShopNeural

/// LinearChainCRF: the forward algorithm and Viterbi against brute force over every tag
/// sequence, and every gradient (transitions, start, end, emissions) against finite differences.
final class LinearChainCRFTests: XCTestCase {
    let checker = GradientChecker()

    func randomCRF(_ K: Int, _ rng: inout SeededRandom) -> LinearChainCRF {
        let crf = LinearChainCRF(tagCount: K)
        for p in crf.parameters { for i in 0..<p.count { p.value[i] = rng.uniform(-1, 1) } }
        return crf
    }

    /// Every tag sequence of length L over K tags.
    func allPaths(_ K: Int, _ L: Int) -> [[Int]] {
        var out: [[Int]] = [[]]
        for _ in 0..<L { out = out.flatMap { p in (0..<K).map { p + [$0] } } }
        return out
    }

    func score(_ crf: LinearChainCRF, _ e: Matrix, b: Int, B: Int, _ y: [Int]) -> Double {
        let K = crf.tagCount
        var s = Double(crf.start.value[y[0]]) + Double(crf.end.value[y[y.count - 1]])
        for t in y.indices {
            s += Double(e.data[(t * B + b) * K + y[t]])
            if t > 0 { s += Double(crf.transitions.value[y[t - 1] * K + y[t]]) }
        }
        return s
    }

    func testLossAndDecodeMatchBruteForce() {
        var rng = SeededRandom(seed: 41)
        let K = 3, B = 3, T = 4
        let lengths = [4, 2, 1]
        let crf = randomCRF(K, &rng)
        let e = randomMatrix(T * B, K, &rng, scale: 2)
        let tags = [[0, 1, 2, 0], [2, 2, 0, 0], [1, 0, 0, 0]]
        var expected = 0.0
        let decoded = crf.decode(emissions: e, batch: B, lengths: lengths)
        for b in 0..<B {
            let paths = allPaths(K, lengths[b])
            let scores = paths.map { score(crf, e, b: b, B: B, $0) }
            let logZ = Foundation.log(scores.map { Foundation.exp($0) }.reduce(0, +))
            expected += logZ - score(crf, e, b: b, B: B, Array(tags[b].prefix(lengths[b])))
            let best = scores.indices.max { scores[$0] < scores[$1] }!
            XCTAssertEqual(decoded[b], paths[best], "Viterbi must find the best of the \(paths.count) paths")
        }
        let nll = crf.negativeLogLikelihood(emissions: e, batch: B, lengths: lengths, tags: tags, normaliser: 1)
        XCTAssertEqual(nll, expected, accuracy: 1e-6)
        var g = Matrix(rows: 0, cols: 0)
        XCTAssertEqual(crf.loss(emissions: e, batch: B, lengths: lengths, tags: tags, normaliser: 1, gradEmissions: &g), expected, accuracy: 1e-6)
        XCTAssertGreaterThan(expected, 0)
    }

    func testGradientsWithPaddingAndEmptySequence() {
        var rng = SeededRandom(seed: 42)
        let K = 3, B = 4, T = 5
        let lengths = [5, 3, 0, 1]
        let crf = randomCRF(K, &rng)
        let er = Ref(randomMatrix(T * B, K, &rng, scale: 2))
        let tags = (0..<B).map { _ in (0..<T).map { _ in rng.int(below: K) } }
        let n = Double(lengths.reduce(0, +))
        var g = Matrix(rows: 0, cols: 0)
        crf.loss(emissions: er.value, batch: B, lengths: lengths, tags: tags, normaliser: n, gradEmissions: &g)
        func loss() -> Double { crf.negativeLogLikelihood(emissions: er.value, batch: B, lengths: lengths, tags: tags, normaliser: n) }
        for p in crf.parameters { assertPassed(checker.check(p, loss: loss)) }
        let analytic = g.data
        assertPassed(checker.check("crf.emissions", input: er, analytic: analytic, loss: loss))
        // Padding rows (and the empty sequence) get no gradient.
        for t in 0..<T { for b in 0..<B where t >= lengths[b] { XCTAssertTrue(g.row(t * B + b).allSatisfy { $0 == 0 }) } }
    }

    /// Learning: with uninformative emissions the transitions alone must learn that 1 follows 0.
    func testTransitionsLearnOrder() {
        let crf = LinearChainCRF(tagCount: 2)
        let adam = Adam(parameters: crf.parameters, learningRate: 0.1, weightDecay: 0)
        let e = Matrix(rows: 4, cols: 2)
        var g = Matrix(rows: 0, cols: 0)
        for _ in 0..<100 {
            adam.zeroGrad()
            crf.loss(emissions: e, batch: 1, lengths: [4], tags: [[0, 1, 0, 1]], normaliser: 4, gradEmissions: &g)
            adam.step()
        }
        XCTAssertEqual(crf.decode(emissions: e, batch: 1, lengths: [4]), [[0, 1, 0, 1]])
    }
}
