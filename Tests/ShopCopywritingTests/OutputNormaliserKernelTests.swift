import XCTest
import ShopCore
import ShopKernels
import ShopNeural
@testable import ShopCopywriting

/// The LM kernels must give the reference path's bits (OpenBLAS products on the prefix
/// cache's fixed blocks, the Swift cell and log-sum-exp), or describe's blurbs would depend
/// on the CPU they ran on.
final class OutputNormaliserKernelTests: XCTestCase {
    private var rng = SplitMix64(seed: 2027)

    private func uniform(_ count: Int, _ spread: Float) -> [Float] {
        (0..<count).map { _ in spread * (2 * Float(rng.below(1 << 24)) / Float(1 << 24) - 1) }
    }

    /// `rows × k` times (`v × k`)ᵀ through OpenBLAS in a zero-padded block of `block` rows,
    /// as `PrefixStateCache` computes it without the kernels.
    private func openBLASLogits(_ h: [Float], rows: Int, k: Int, weights: [Float], v: Int, block: Int) -> [Float] {
        var a = [Float](repeating: 0, count: block * k)
        for i in 0..<(rows * k) { a[i] = h[i] }
        var c = [Float](repeating: 0, count: block * v)
        a.withUnsafeBufferPointer { ap in weights.withUnsafeBufferPointer { wp in c.withUnsafeMutableBufferPointer { cp in
            BLAS.gemm(transA: false, transB: true, m: block, n: v, k: k, a: ap.baseAddress!, lda: k, b: wp.baseAddress!, ldb: k,
                      beta: 0, c: cp.baseAddress!, ldc: v, parallel: false)
        }}}
        return Array(c[0..<(rows * v)])
    }

    func testLogitsAreOpenBLASsBitsForEveryTileEdge() throws {
        try XCTSkipUnless(PrefixStateCache.vectorKernel, "this CPU has no AVX-512F: the reference path runs")
        var checked = 0
        // Rows across the 4-row tiles and the 32-row groups; columns across tails of the
        // 64-column tiles; the copy LMs' real shapes (k 64, v 1,340 and 3,331; 4H = 256).
        // At least `minimumColumns` wide: OpenBLAS itself sums in another order below 10.
        for (rows, v, k, block) in [(1, 64, 16, 128), (3, 65, 16, 128), (5, 127, 32, 128), (8, 100, 64, 32), (33, 65, 64, 128),
                                    (31, 130, 64, 32), (32, 256, 64, 32), (40, 1_340, 64, 128), (67, 3_331, 64, 128)] {
            XCTAssertGreaterThanOrEqual(v, PrefixStateCache.minimumColumns)
            let h = uniform(rows * k, 1), w = uniform(v * k, 0.4)
            let want = openBLASLogits(h, rows: rows, k: k, weights: w, v: v, block: block)
            let wT = PrefixStateCache.transposed(w, rows: v, columns: k)
            var got = [Float](repeating: .nan, count: rows * v)
            h.withUnsafeBufferPointer { hp in wT.withUnsafeBufferPointer { tp in got.withUnsafeMutableBufferPointer { gp in
                shop_output_logits(hp.baseAddress!, rows, k, tp.baseAddress!, v, gp.baseAddress!)
            }}}
            XCTAssertEqual(got.map(\.bitPattern), want.map(\.bitPattern), "rows \(rows), v \(v), k \(k)")
            checked += 1
        }
        XCTAssertEqual(checked, 9)
    }

    func testNormalisersAreTheReferenceLogSumExpOfThoseLogits() throws {
        try XCTSkipUnless(PrefixStateCache.vectorKernel, "this CPU has no AVX-512F: the reference path runs")
        for (rows, v) in [(1, 64), (4, 71), (33, 200), (70, 1_340), (45, 3_331)] {
            let k = 64
            let h = uniform(rows * k, 1), w = uniform(v * k, 0.6), bias = uniform(v, 2)
            var logits = openBLASLogits(h, rows: rows, k: k, weights: w, v: v, block: 128)
            let want: [Float] = (0..<rows).map { r in
                logits.withUnsafeMutableBufferPointer { lp in bias.withUnsafeBufferPointer { bp in
                    PrefixStateCache.logSumExpReference(lp.baseAddress! + r * v, bias: bp.baseAddress!, v)
                }}
            }
            let wT = PrefixStateCache.transposed(w, rows: v, columns: k)
            var scratch = [Float](repeating: 0, count: Int(SHOP_OUTPUT_GROUP_ROWS) * v)
            var got = [Float](repeating: .nan, count: rows)
            h.withUnsafeBufferPointer { hp in wT.withUnsafeBufferPointer { tp in bias.withUnsafeBufferPointer { bp in
            scratch.withUnsafeMutableBufferPointer { sp in got.withUnsafeMutableBufferPointer { gp in
                shop_output_log_normalisers(hp.baseAddress!, rows, k, tp.baseAddress!, bp.baseAddress!, v, sp.baseAddress!, gp.baseAddress!)
            }}}}}
            XCTAssertEqual(got.map(\.bitPattern), want.map(\.bitPattern), "rows \(rows), v \(v)")
        }
    }

    func testCellIsLSTMStepsBits() throws {
        try XCTSkipUnless(PrefixStateCache.vectorKernel, "this CPU has no AVX-512F: the reference path runs")
        for H in [16, 64] {
            for spread: Float in [0.5, 4, 20] {  // 20: past the tanh clamp
                let product = uniform(4 * H, spread), input = uniform(4 * H, spread), bias = uniform(4 * H, 1)
                let cPrev = uniform(H, 3)
                // Reference: the gates as the cache builds them (the token's row, then + the
                // product), then `LSTM.step`.
                var gates = zip(input, product).map { $0 + $1 }
                var c1 = [Float](repeating: 0, count: H), h1 = [Float](repeating: 0, count: H)
                gates.withUnsafeMutableBufferPointer { g in bias.withUnsafeBufferPointer { b in cPrev.withUnsafeBufferPointer { cp in
                c1.withUnsafeMutableBufferPointer { c in h1.withUnsafeMutableBufferPointer { h in
                    LSTM.step(gates: g.baseAddress!, bias: b.baseAddress!, cPrev: cp.baseAddress!, c: c.baseAddress!, h: h.baseAddress!, hiddenSize: H)
                }}}}}
                var c2 = [Float](repeating: .nan, count: H), h2 = [Float](repeating: .nan, count: H)
                shop_lstm_cell(product, input, bias, cPrev, &c2, &h2, H)
                XCTAssertEqual(c2.map(\.bitPattern), c1.map(\.bitPattern), "cell, H \(H), spread \(spread)")
                XCTAssertEqual(h2.map(\.bitPattern), h1.map(\.bitPattern), "hidden, H \(H), spread \(spread)")
            }
        }
    }

    /// End to end: the cache with the kernels scores every sequence exactly as the cache on
    /// the reference path does, including across resets.
    func testPrefixCacheScoresAreTheSameWithAndWithoutKernels() throws {
        try XCTSkipUnless(PrefixStateCache.vectorKernel, "this CPU has no AVX-512F: the reference path runs")
        for (vocab, hidden) in [(70, 16), (700, 64)] {
            let model = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: vocab, embedDim: 8, hiddenSize: hidden, dropout: 0,
                                                                      maxLength: 40, seed: 13))
            let seqs = PrefixScoringTests.sequences(count: 300, vocab: vocab, seed: 9)
            let tiny = PrefixStateCache(model: PrefixScoringTests.tinyModel())
            XCTAssertFalse(tiny.kernels, "a 30-word vocabulary is under minimumColumns: the reference path")
            let fast = PrefixStateCache(model: model), plain = PrefixStateCache(model: model, kernels: false)
            XCTAssertTrue(fast.kernels)
            XCTAssertFalse(plain.kernels)
            fast.maxNodes = 500; plain.maxNodes = 500
            for start in stride(from: 0, to: seqs.count, by: 37) {
                let batch = Array(seqs[start..<min(start + 37, seqs.count)])
                let a = fast.logProbabilities(batch), b = plain.logProbabilities(batch)
                XCTAssertEqual(a.map(\.logProb.bitPattern), b.map(\.logProb.bitPattern), "vocab \(vocab), batch at \(start)")
                XCTAssertEqual(a.map(\.tokens), b.map(\.tokens))
            }
        }
    }
}
