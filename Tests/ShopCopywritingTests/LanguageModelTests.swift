import XCTest
@testable import ShopCopywriting
import ShopCore

final class LanguageModelTests: XCTestCase {
    func testTinyLMPrefersFluentTextAndRoundTrips() throws {
        let texts = Array(repeating: ["这件衬衫很好看。", "这条裙子很好看。", "这条裤子很舒服。"], count: 20).flatMap { $0 }
        let trainer = CopyLMTrainer(embedDim: 8, hiddenSize: 16, minCount: 1, epochs: 12, batchSize: 8, learningRate: 1e-2, seed: 3)
        let (lm, _) = trainer.train(texts: texts, dev: [], language: .zh, source: "test", progress: false)
        let scorer = LMFluencyScorer(models: [lm])
        let fluent = scorer.meanLogProbability("这件衬衫很好看。", language: .zh)
        let scrambled = scorer.meanLogProbability("看好很衫衬件这。", language: .zh)
        XCTAssertGreaterThan(fluent, scrambled)
        XCTAssertEqual(scorer.meanLogProbability("anything", language: .en), 0, "no en model: neutral")

        _ = scorer.logProbabilities(["这件衬衫很好看。", "这件衬衫很好看。"], language: .zh)
        XCTAssertGreaterThanOrEqual(scorer.hits, 2, "scored texts are memoised")

        let path = try Fixtures.temporaryFile("lm.snm", "")
        try lm.save(to: path)
        let back = try CopyLanguageModel.load(from: path)
        XCTAssertEqual(back.metadata.vocabulary, lm.metadata.vocabulary)
        let again = LMFluencyScorer(models: [back]).meanLogProbability("这件衬衫很好看。", language: .zh)
        XCTAssertEqual(again, fluent, accuracy: 0.05, "float16 storage keeps scores close")
    }

    func testRankerUsesFluencyAmongEqualCoverage() {
        struct Fixed: FluencyScorer {
            func logProbabilities(_ texts: [String], language: Language) -> [(logProb: Double, tokens: Int)] {
                texts.map { ($0.contains("好") ? -1 : -5, 1) }
            }
        }
        let fact = ProductAttribute(key: "颜色", value: "白色")
        let a = Candidate(text: "白色很差", facts: [fact], template: "t", pieces: ["白色很差"], partFacts: [[fact]])
        let b = Candidate(text: "白色很好", facts: [fact], template: "t", pieces: ["白色很好"], partFacts: [[fact]])
        let best = Ranker(fluency: Fixed()).best([a, b], important: [fact], language: .zh, count: 1, maxChars: nil)
        XCTAssertEqual(best.first?.text, "白色很好")
        XCTAssertEqual(best.first?.fluency, -1)
    }
}
