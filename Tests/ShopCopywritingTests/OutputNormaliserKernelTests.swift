import XCTest
import ShopCore
import ShopKernels
import ShopNeural
@testable import ShopCopywriting

/// The LM kernels must give the same bits on every CPU, or describe's blurbs would depend on
/// the machine. Each variant this CPU has (16 lanes, AVX-512F; 8 lanes, AVX2) and the Swift
/// path are checked against the same references: a fused multiply-add chain in order for the
/// products, ShopNeural's `LSTM.step` for the cell, the Swift log-sum-exp for the normalisers.
final class OutputNormaliserKernelTests: XCTestCase {
    private var rng = SplitMix64(seed: 2027)

    private func uniform(_ count: Int, _ spread: Float) -> [Float] {
        (0..<count).map { _ in spread * (2 * Float(rng.below(1 << 24)) / Float(1 << 24) - 1) }
    }

    /// Runs `body` once per kernel variant this CPU has, widest first, with the kernels
    /// limited to it; returns the widths run (none without the kernels).
    @discardableResult
    static func eachVariant(_ body: (Int) throws -> Void) rethrows -> [Int] {
        let widest = Int(shop_kernels_limit(16))
        defer { _ = shop_kernels_limit(16) }
        var ran: [Int] = []
        for width in [16, 8] where width <= widest {
            XCTAssertEqual(Int(shop_kernels_limit(Int32(width))), width)
            try body(width)
            ran.append(width)
        }
        return ran
    }

    /// `rows × k` times (`v × k`)ᵀ, each entry Σ h·w as a fused multiply-add chain over k in
    /// order from zero: what the kernels must give.
    static func chainLogits(_ h: [Float], rows: Int, k: Int, weights w: [Float], v: Int) -> [Float] {
        var out = [Float](repeating: 0, count: rows * v)
        for r in 0..<rows {
            for j in 0..<v {
                var s: Float = 0
                for i in 0..<k { s = s.addingProduct(h[r * k + i], w[j * k + i]) }
                out[r * v + j] = s
            }
        }
        return out
    }

    func testTheChainReferenceIsFused() {
        // x = 1 + 2⁻²³: x² = 1 + 2⁻²² + 2⁻⁴⁶ rounds to r = 1 + 2⁻²². Then −r + x·x is 2⁻⁴⁶
        // fused, 0 with the product rounded alone.
        let x: Float = 1 + .ulpOfOne
        let got = Self.chainLogits([1, x], rows: 1, k: 2, weights: [-(x * x), x], v: 1)
        XCTAssertEqual(got, [0x1p-46])
    }

    /// The Swift path (CPUs without the kernels) is the chain, row by row.
    func testSwiftProductIsTheChain() {
        for (rows, v, k) in [(1, 1, 3), (3, 30, 16), (33, 70, 64)] {
            let h = uniform(rows * k, 1), w = uniform(v * k, 0.4)
            let wT = ChainProduct.transposed(w, rows: v, columns: k)
            var got = [Float](repeating: .nan, count: rows * v)
            h.withUnsafeBufferPointer { hp in wT.withUnsafeBufferPointer { tp in got.withUnsafeMutableBufferPointer { gp in
                ChainProduct.product(hp.baseAddress!, rows: rows, k: k, tp.baseAddress!, columns: v, into: gp.baseAddress!, kernels: false)
            }}}
            XCTAssertEqual(got.map(\.bitPattern), Self.chainLogits(h, rows: rows, k: k, weights: w, v: v).map(\.bitPattern))
        }
    }

    func testLogitsAreAFusedMultiplyAddChainForEveryTileEdge() throws {
        // Rows across the 4-row tiles and the 32-row groups; columns across the tails of the
        // 16- (AVX2) and 64-column (AVX-512) tiles; the copy LMs' real shapes (k 64, v 1,340 and 3,331;
        // 4H = 256; the input table's k 32).
        let shapes = [(1, 1, 16), (3, 7, 16), (4, 8, 16), (5, 9, 32), (2, 15, 8), (3, 16, 8), (4, 17, 8), (5, 31, 16), (6, 32, 16),
                      (7, 33, 16), (2, 23, 8), (6, 24, 8), (7, 25, 8), (9, 47, 64),
                      (1, 64, 16), (3, 65, 16), (5, 127, 32), (33, 65, 64), (31, 130, 64), (32, 256, 64), (40, 1_340, 64),
                      (67, 3_331, 64), (70, 256, 32)]
        var checked = 0
        let ran = try Self.eachVariant { width in
            for (rows, v, k) in shapes {
                let h = uniform(rows * k, 1), w = uniform(v * k, 0.4)
                let want = Self.chainLogits(h, rows: rows, k: k, weights: w, v: v)
                let wT = ChainProduct.transposed(w, rows: v, columns: k)
                var got = [Float](repeating: .nan, count: rows * v)
                h.withUnsafeBufferPointer { hp in wT.withUnsafeBufferPointer { tp in got.withUnsafeMutableBufferPointer { gp in
                    shop_output_logits(hp.baseAddress!, rows, k, tp.baseAddress!, v, gp.baseAddress!)
                }}}
                XCTAssertEqual(got.map(\.bitPattern), want.map(\.bitPattern), "\(width) lanes: rows \(rows), v \(v), k \(k)")
                checked += 1
            }
        }
        try XCTSkipIf(ran.isEmpty, "this CPU has neither AVX-512F nor AVX2 with FMA: the reference path runs")
        XCTAssertEqual(checked, shapes.count * ran.count)
    }

    func testNormalisersAreTheReferenceLogSumExpOfThoseLogits() throws {
        let ran = try Self.eachVariant { width in
            for (rows, v) in [(1, 64), (4, 71), (33, 200), (70, 1_340), (45, 3_331)] {
                let k = 64
                let h = uniform(rows * k, 1), w = uniform(v * k, 0.6), bias = uniform(v, 2)
                var logits = Self.chainLogits(h, rows: rows, k: k, weights: w, v: v)
                let want: [Float] = (0..<rows).map { r in
                    logits.withUnsafeMutableBufferPointer { lp in bias.withUnsafeBufferPointer { bp in
                        PrefixStateCache.logSumExpReference(lp.baseAddress! + r * v, bias: bp.baseAddress!, v)
                    }}
                }
                let wT = ChainProduct.transposed(w, rows: v, columns: k)
                var scratch = [Float](repeating: 0, count: Int(SHOP_OUTPUT_GROUP_ROWS) * v)
                var got = [Float](repeating: .nan, count: rows)
                h.withUnsafeBufferPointer { hp in wT.withUnsafeBufferPointer { tp in bias.withUnsafeBufferPointer { bp in
                scratch.withUnsafeMutableBufferPointer { sp in got.withUnsafeMutableBufferPointer { gp in
                    shop_output_log_normalisers(hp.baseAddress!, rows, k, tp.baseAddress!, bp.baseAddress!, v, sp.baseAddress!, gp.baseAddress!)
                }}}}}
                XCTAssertEqual(got.map(\.bitPattern), want.map(\.bitPattern), "\(width) lanes: rows \(rows), v \(v)")
            }
        }
        try XCTSkipIf(ran.isEmpty, "this CPU has neither AVX-512F nor AVX2 with FMA: the reference path runs")
    }

    func testCellIsLSTMStepsBits() throws {
        let ran = try Self.eachVariant { width in
            for H in [16, 64, 144] {  // 144: blocks of 64, 64 and 16 units
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
                    XCTAssertEqual(c2.map(\.bitPattern), c1.map(\.bitPattern), "\(width) lanes: cell, H \(H), spread \(spread)")
                    XCTAssertEqual(h2.map(\.bitPattern), h1.map(\.bitPattern), "\(width) lanes: hidden, H \(H), spread \(spread)")
                }
            }
        }
        try XCTSkipIf(ran.isEmpty, "this CPU has neither AVX-512F nor AVX2 with FMA: the reference path runs")
    }

    /// The table of each token's input gates is the chain too, on both paths: OpenBLAS's Zen
    /// sgemm built it with other bits, and a few Chinese blurbs changed with the machine.
    func testInputGateTableIsTheChain() throws {
        let model = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: 300, embedDim: 32, hiddenSize: 64, dropout: 0,
                                                                  maxLength: 20, seed: 5))
        let emb = model.embedding.weight.value, wih = model.lstm.weightIH.value
        let want = Self.chainLogits(emb, rows: 300, k: 32, weights: wih, v: 256)
        XCTAssertEqual(PrefixStateCache(model: model, kernels: false).inputGates.map(\.bitPattern), want.map(\.bitPattern), "Swift path")
        let ran = try Self.eachVariant { width in
            let cache = PrefixStateCache(model: model)
            XCTAssertTrue(cache.kernels)
            XCTAssertEqual(cache.inputGates.map(\.bitPattern), want.map(\.bitPattern), "\(width) lanes")
        }
        try XCTSkipIf(ran.isEmpty, "this CPU has neither AVX-512F nor AVX2 with FMA: the reference path runs")
    }

    /// End to end: every variant and the Swift path score every sequence with the same bits,
    /// across resets.
    func testPrefixCacheScoresAreTheSameOnEveryVariant() throws {
        for (vocab, hidden) in [(30, 16), (70, 16), (700, 64)] {
            let model = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: vocab, embedDim: 8, hiddenSize: hidden, dropout: 0,
                                                                      maxLength: 40, seed: 13))
            let seqs = PrefixScoringTests.sequences(count: 300, vocab: vocab, seed: 9)
            func scores(_ cache: PrefixStateCache) -> [(logProb: Float, tokens: Int)] {
                cache.maxNodes = 500
                return stride(from: 0, to: seqs.count, by: 37).flatMap { cache.logProbabilities(Array(seqs[$0..<min($0 + 37, seqs.count)])) }
            }
            let swiftPath = PrefixStateCache(model: model, kernels: false)
            XCTAssertFalse(swiftPath.kernels)
            let plain = scores(swiftPath)
            XCTAssertTrue(plain.contains { $0.tokens > 0 && $0.logProb < 0 })
            let ran = try Self.eachVariant { width in
                let fast = PrefixStateCache(model: model)
                XCTAssertTrue(fast.kernels)
                let got = scores(fast)
                XCTAssertEqual(got.map(\.tokens), plain.map(\.tokens))
                XCTAssertEqual(got.map(\.logProb.bitPattern), plain.map(\.logProb.bitPattern), "\(width) lanes, vocab \(vocab)")
            }
            try XCTSkipIf(ran.isEmpty, "this CPU has neither AVX-512F nor AVX2 with FMA: the Swift path runs")
        }
    }
}
