import XCTest
import ShopNeural
@testable import ShopCopywriting
import ShopCore

/// The fast LM path (prefix cache, batched and parallel describe) must give what the plain
/// path gives: the same scores, whatever the batching, and the same blurbs in input order.
final class PrefixScoringTests: XCTestCase {
    static func tinyModel(vocab: Int = 30, maxLength: Int = 12, seed: UInt64 = 7) -> LSTMLanguageModel {
        LSTMLanguageModel(config: LanguageModelConfig(vocabSize: vocab, embedDim: 8, hiddenSize: 16, dropout: 0,
                                                      maxLength: maxLength, seed: seed))
    }

    /// Sequences that share prefixes (a few stems), some longer than `maxLength`, some too
    /// short to predict anything, some with ids outside the vocabulary.
    static func sequences(count: Int, vocab: Int, seed: UInt64) -> [[Int32]] {
        var rng = SplitMix64(seed: seed)
        let stems: [[Int32]] = (0..<4).map { _ in [2] + (0..<Int.random(in: 1...5, using: &rng)).map { _ in Int32.random(in: 4..<Int32(vocab), using: &rng) } }
        var out: [[Int32]] = [[], [2]]
        for _ in 0..<count {
            var s = stems[Int.random(in: 0..<stems.count, using: &rng)]
            for _ in 0..<Int.random(in: 0...14, using: &rng) { s.append(Int32.random(in: 4..<Int32(vocab), using: &rng)) }
            if Int.random(in: 0..<8, using: &rng) == 0 { s.append([99, -1][Int.random(in: 0...1, using: &rng)]) }
            s.append(3)
            out.append(s)
        }
        return out
    }

    func testPrefixCacheMatchesTheModelsOwnScoring() {
        let model = Self.tinyModel()
        let seqs = Self.sequences(count: 40, vocab: 30, seed: 1)
        let reference = model.tokenLogProbabilities(of: seqs)
        let cache = PrefixStateCache(model: model)
        let fast = cache.logProbabilities(seqs)
        XCTAssertEqual(fast.count, seqs.count)
        for (i, (r, f)) in zip(reference, fast).enumerated() {
            XCTAssertEqual(f.tokens, r.count, "sequence \(i): predicted tokens (cut to maxLength)")
            let want = r.reduce(0, +)
            XCTAssertEqual(f.logProb, want, accuracy: 1e-4 * max(1, abs(want)), "sequence \(i)")
        }
        XCTAssertEqual(fast[0].tokens, 0, "an empty sequence predicts nothing")
        XCTAssertEqual(fast[1].tokens, 0, "nor does <s> alone")
        XCTAssertLessThan(cache.computedNodes, fast.reduce(0) { $0 + $1.tokens }, "shared prefixes are computed once")
    }

    /// A self-normalised model's scores skip the normaliser: each token's logit, which is its
    /// log-probability plus the log-normaliser the model's own forward pass reports.
    func testSelfNormalisedScoresAreTheLogits() {
        var config = Self.tinyModel(seed: 13).config
        config.selfNormalisation = 0.1
        let model = LSTMLanguageModel(config: config)
        // A bias that puts log Z far from 0, so that dropping it shows.
        for i in 0..<model.output.bias.count { model.output.bias.value[i] = 0.5 }
        let seqs = Self.sequences(count: 40, vocab: 30, seed: 3)
        let (logp, logZ) = model.tokenScores(of: seqs)
        for kernels in [false, true] {
            let cache = PrefixStateCache(model: model, kernels: kernels)
            XCTAssertFalse(cache.normalises)
            let fast = cache.logProbabilities(seqs)
            let exact = PrefixStateCache(model: model, kernels: kernels, exactNormalisers: true).logProbabilities(seqs)
            for i in seqs.indices {
                let logits = zip(logp[i], logZ[i]).reduce(Float(0)) { $0 + $1.0 + $1.1 }
                XCTAssertEqual(fast[i].tokens, logp[i].count, "sequence \(i)")
                XCTAssertEqual(fast[i].logProb, logits, accuracy: 1e-4 * max(1, abs(logits)), "sequence \(i): Σ logits")
                let want = logp[i].reduce(0, +)
                XCTAssertEqual(exact[i].logProb, want, accuracy: 1e-4 * max(1, abs(want)), "sequence \(i): exact")
                if logp[i].count > 0 { XCTAssertGreaterThan(abs(fast[i].logProb - exact[i].logProb), 0.1, "log Z is not 0 here") }
            }
        }
        XCTAssertTrue(PrefixStateCache(model: Self.tinyModel()).normalises, "a plain model is always normalised")
    }

    func testScoresDoNotDependOnBatchingOrCacheState() {
        let model = Self.tinyModel(seed: 11)
        let seqs = Self.sequences(count: 60, vocab: 30, seed: 2)
        let together = PrefixStateCache(model: model).logProbabilities(seqs)
        // One by one, each on a fresh cache.
        for (s, t) in zip(seqs, together) {
            let alone = PrefixStateCache(model: model).logProbabilities([s])[0]
            XCTAssertEqual(alone.logProb, t.logProb, "bit-for-bit, batch of one")
            XCTAssertEqual(alone.tokens, t.tokens)
        }
        // Reversed, in batches of 7, on one cache that is emptied whenever it holds 20 prefixes.
        let small = PrefixStateCache(model: model)
        small.maxNodes = 20
        var reversed: [(logProb: Float, tokens: Int)] = []
        let back = Array(seqs.reversed())
        for start in stride(from: 0, to: back.count, by: 7) {
            reversed += small.logProbabilities(Array(back[start..<min(start + 7, back.count)]))
        }
        for (a, b) in zip(together, reversed.reversed()) {
            XCTAssertEqual(a.logProb, b.logProb)
            XCTAssertEqual(a.tokens, b.tokens)
        }
    }

    static let zhTexts = ["这件衬衫很好看。", "这条裙子很好看。", "这条裤子很舒服。", "白色的外套很百搭。", "简约风格的上衣，上身很有味道。",
                          "牛仔布材质，耐穿又舒适。", "宽松的版型包容性强。", "这样的上衣日常穿搭很好驾驭。"]

    static func tinyZhLM() -> CopyLanguageModel {
        let vocab = CopyLanguageModel.vocabulary(for: zhTexts, language: .zh, minCount: 1, maxSize: 200)
        let model = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: vocab.count, embedDim: 8, hiddenSize: 16, dropout: 0,
                                                                  maxLength: 160, seed: 5))
        return CopyLanguageModel(model: model, metadata: CopyLMMetadata(language: .zh, vocabulary: vocab, trainingSource: "test",
                                                                        trainingSequences: zhTexts.count, devPerplexity: nil))
    }

    func testFluencyScorerBatchedEqualsOneByOneAndTheModel() {
        let lm = Self.tinyZhLM()
        let texts = Self.zhTexts + ["这件衬衫很舒服。", "这件衬衫很好看。", "", "这条裙子很好看。"]
        let batched = LMFluencyScorer(models: [lm]).logProbabilities(texts, language: .zh)
        let oneByOne = LMFluencyScorer(models: [lm])
        let reference = lm.logProbabilities(texts)
        for (i, t) in texts.enumerated() {
            let single = oneByOne.logProbabilities([t], language: .zh)[0]
            XCTAssertEqual(single.logProb, batched[i].logProb, t)
            XCTAssertEqual(single.tokens, batched[i].tokens, t)
            XCTAssertEqual(batched[i].tokens, reference[i].tokens, t)
            XCTAssertEqual(batched[i].logProb, reference[i].logProb, accuracy: 1e-4 * max(1, abs(reference[i].logProb)), t)
        }
        XCTAssertGreaterThanOrEqual(oneByOne.hits, 2, "repeated texts come from the memo")
        XCTAssertLessThan(oneByOne.computedPrefixes, oneByOne.scoredTokens, "sentence openings are shared")
    }

    func testParallelBatchedDescribeEqualsSerialInInputOrder() throws {
        let lm = Self.tinyZhLM()
        func describer(_ variants: Int) throws -> ProductDescriber {
            ProductDescriber(library: try Fixtures.shippedLibrary(),
                             checker: try Fixtures.shippedChecker(),
                             ranker: Ranker(fluency: LMFluencyScorer(models: [lm])),
                             options: DescriberOptions(variants: variants, seed: 3))
        }
        let inputs = [
            "类型#上衣*材质#牛仔布*颜色#白色*风格#简约*图案#刺绣*衣样式#外套*衣款式#破洞",
            "类型#裙*材质#蕾丝*风格#性感*裙长#连衣裙*版型#显瘦*裙领型#v领",
            "类型#裤*裤型#阔腿裤*风格#复古*裤腰型#高腰",
            "类型#上衣",
            "类型#上衣*版型#宽松*版型#显瘦*图案#线条*衣样式#衬衫",
            "类型#裙*颜色#红色*裙长#半身裙",
            "类型#裤*材质#棉*颜色#黑色",
        ]
        var records = try inputs.enumerated().map { try AdvertiseGenAttributes.record(content: $1, id: "p\($0)") }
        records.append(ProductRecord(id: "en-1", title: "Wooden Puzzle Box", brand: "Acme", category: "Toys & Games | Puzzles",
                                     features: ["Made of solid beech wood.", "Fits in a pocket."], language: .en))
        for variants in [1, 2] {
            let serial = try describer(variants)
            // LM batches are runs of 3, but the diversity penalty looks back over the whole
            // call, in input order: the serial reference is one batch of everything.
            let expected = serial.describe(records)
            let parallel = try describer(variants).describe(records, threads: 2, batch: 3)
            // A run described in two calls that carry the usage on is the same run.
            var usage: [Language: PhraseUsage] = [:]
            let split = try describer(variants)
            let halves = split.describe(Array(records[..<4]), threads: 2, batch: 3, usage: &usage)
                + split.describe(Array(records[4...]), threads: 2, batch: 3, usage: &usage)
            XCTAssertEqual(halves.map(\.blurbs), expected.map(\.blurbs), "usage carried across calls")
            // The CLI's pipeline: batches prepared ahead by worker threads, finished in order
            // with one usage, whatever the batch, look-ahead and thread count.
            for (threads, batch, lookahead) in [(2, 2, 2), (3, 1, 1), (2, 4, 8), (1, 3, 3)] {
                let pipeline = DescribePipeline(describer: try describer(variants), threads: threads, batch: batch, lookahead: lookahead)
                var piped: [ProductDescription] = []
                for start in stride(from: 0, to: records.count, by: 3) {
                    piped += pipeline.submit(Array(records[start..<min(start + 3, records.count)]))
                    // What is returned is finished in order, and no more than the look-ahead
                    // (plus a batch not yet full) is left unfinished.
                    XCTAssertEqual(piped.map(\.productID), records.prefix(piped.count).map(\.id))
                    XCTAssertLessThanOrEqual(min(start + 3, records.count) - piped.count, lookahead + batch - 1)
                }
                piped += pipeline.drain()
                XCTAssertEqual(piped.map(\.blurbs), expected.map(\.blurbs), "pipelined: \(threads) threads, batches of \(batch)")
                XCTAssertEqual(pipeline.drain().count, 0, "a second drain has nothing left")
                // Drained workers have stopped; submitting again starts them again.
                let again = pipeline.submit(Array(records.prefix(2))) + pipeline.drain()
                XCTAssertEqual(again.map(\.productID), records.prefix(2).map(\.id))
            }
            XCTAssertEqual(parallel.map(\.productID), records.map(\.id), "input order")
            for (e, p) in zip(expected, parallel) {
                XCTAssertEqual(p.blurbs, e.blurbs, "\(e.productID), \(variants) variant(s): same texts, scores and fluency")
                XCTAssertEqual(p.candidateCount, e.candidateCount)
            }
            XCTAssertTrue(expected.contains { $0.blurbs.first?.fluency != nil }, "the LM took part")
        }
    }
}
