import XCTest
@testable import ShopSentiment

/// The defaults of `sentiment train`: language detection, per-language features and the
/// held-out slice used when no dev file is given.
final class SentimentRecipeTests: XCTestCase {
    func testLanguageFollowsTheMajorityScriptOfTheData() {
        XCTAssertEqual(SentimentRecipe.language(of: ["这家酒店很好", "服务太差了", "great value"]), "zh")
        XCTAssertEqual(SentimentRecipe.language(of: ["great value", "awful", "broke in a week", "房间不错"]), "en")
        XCTAssertEqual(SentimentRecipe.language(of: []), "en")
    }

    func testFeaturesDifferByLanguage() {
        let zh = SentimentRecipe.features(language: "zh"), en = SentimentRecipe.features(language: "en")
        XCTAssertEqual([zh.order, zh.hanOrder, zh.wordOrder], [2, 4, 2])
        XCTAssertEqual([en.order, en.wordOrder], [3, 0])
    }

    func testSmallDataAveragesMoreDeepNetworks() {
        XCTAssertEqual(SentimentRecipe.deepNetworks(trainCount: 6_000), 3)
        XCTAssertEqual(SentimentRecipe.deepNetworks(trainCount: 50_000), 1)
    }

    func examples(positive: Int, negative: Int) -> [LabeledExample] {
        (0..<positive).map { LabeledExample(label: "positive", text: "p\($0)", line: $0 + 1) }
            + (0..<negative).map { LabeledExample(label: "negative", text: "n\($0)", line: positive + $0 + 1) }
    }

    func testHoldoutIsStratifiedSeededAndDisjoint() throws {
        let data = examples(positive: 300, negative: 100)
        let a = try SentimentRecipe.holdout(data, seed: 7)
        XCTAssertEqual(a.heldOut.filter { $0.label == "positive" }.count, 30)
        XCTAssertEqual(a.heldOut.filter { $0.label == "negative" }.count, 10)
        XCTAssertEqual(a.fit.count + a.heldOut.count, data.count)
        XCTAssertTrue(Set(a.fit.map(\.text)).isDisjoint(with: a.heldOut.map(\.text)))
        let b = try SentimentRecipe.holdout(data, seed: 7), c = try SentimentRecipe.holdout(data, seed: 8)
        XCTAssertEqual(a.heldOut, b.heldOut)
        XCTAssertNotEqual(a.heldOut, c.heldOut)
    }

    func testHoldoutRefusesDataTooSmallToSplit() {
        XCTAssertThrowsError(try SentimentRecipe.holdout(examples(positive: 2, negative: 2), seed: 1)) { error in
            XCTAssertTrue("\(error)".contains("--dev"), "\(error)")
        }
    }
}
