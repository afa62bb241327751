import XCTest
@testable import ShopSentiment

/// The clause rule's neutral margin is per language: Chinese (0) never says `neutral`,
/// English keeps `neutralMargin`.
final class NeutralMarginTests: XCTestCase {
    func testChineseMarginIsSeparateFromEnglish() throws {
        let config = SentimentTrainingConfig(features: FeatureOptions(order: 2, hanOrder: 3), minCount: 1,
                                             hyper: LinearHyperParameters(epochs: 5, learningRate: 0.3, l2: 1e-5), seeds: [1, 2])
        func model(_ language: String?) throws -> SentimentModel {
            var c = config
            c.language = language
            return try SentimentTraining.train(train: ToyCorpus.examples(), dev: ToyCorpus.examples(seed: 99, count: 60),
                                               config: c, info: ModelInfo())
        }
        let zh = try model("zh"), en = try model("en"), unknown = try model(nil)
        var extractor = AspectTests.lexicon
        XCTAssertEqual(extractor.chineseNeutralMargin, 0)
        extractor.neutralMargin = 0.5  // every English clause neutral
        // A clause with no opinion word: neither model is sure.
        let text = "这个屏幕。"
        XCTAssertNotEqual(extractor.polarity(of: text, model: zh).0, "neutral")
        XCTAssertEqual(extractor.polarity(of: text, model: en).0, "neutral")
        // No recorded language: the text's script decides.
        XCTAssertNotEqual(extractor.polarity(of: text, model: unknown).0, "neutral")
        XCTAssertEqual(extractor.polarity(of: "The screen.", model: unknown).0, "neutral")
        extractor.chineseNeutralMargin = 0.5
        XCTAssertEqual(extractor.polarity(of: text, model: zh).0, "neutral")
        extractor.neutralMargin = 0
        XCTAssertNotEqual(extractor.polarity(of: text, model: en).0, "neutral")
    }
}
