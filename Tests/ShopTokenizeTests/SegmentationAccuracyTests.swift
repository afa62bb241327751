import XCTest
@testable import ShopTokenize

final class SegmentationAccuracyTests: XCTestCase {
    /// A tiny gold segmentation we wrote (shop reviews and news-style sentences, People's
    /// Daily conventions plus our date/quantity rules).
    static let gold = """
    这 款 手机 的 电池 续航 很 好 ， 屏幕 也 清晰 。
    物流 很 快 ， 三天 就 到 了 ， 包装 完好 无损 。
    客服 态度 不错 ， 同意 退货 。
    我们 在 北京 召开 了 全国 工作 会议 。
    中国 经济 持续 快速 发展 。
    他 在 2024年3月15日 买 了 一 台 电脑 。
    质量 非常 好 ， 价格 也 便宜 ， 推荐 购买 。
    """

    func testScorerCountsSpans() {
        var s = SegmentationScore()
        s.add(predicted: ["中国", "经济", "发", "展"], gold: ["中国", "经济", "发展"], lexicon: ["中国", "发展"])
        XCTAssertEqual(s.correctWords, 2)
        XCTAssertEqual(s.precision, 0.5, accuracy: 1e-9)
        XCTAssertEqual(s.recall, 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(s.f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0), accuracy: 1e-9)
        XCTAssertEqual(s.oovGold, 1)
        XCTAssertEqual(s.oovRecall, 1.0)
        XCTAssertEqual(s.ivRecall, 0.5)
    }

    func testScorerFlagsDifferentCharacters() {
        var s = SegmentationScore()
        s.add(predicted: ["中国"], gold: ["中", "国", "人"])
        XCTAssertEqual(s.mismatchedLines, 1)
        XCTAssertEqual(s.correctWords, 0)
    }

    func testTinyGoldFile() throws {
        let tokenizer = try Tokenizer.shared()
        var model = SegmentationScore()
        var icu = SegmentationScore()
        let icuOnly = try Tokenizer(options: TokenizerOptions(), model: nil)
        for line in Self.gold.split(separator: "\n") {
            let goldWords = line.split(separator: " ").map(String.init)
            let raw = goldWords.joined()
            model.add(predicted: tokenizer.words(raw), gold: goldWords)
            icu.add(predicted: icuOnly.words(raw), gold: goldWords)
        }
        XCTAssertEqual(model.mismatchedLines, 0)
        XCTAssertGreaterThanOrEqual(model.f1, 0.9, "model: \(model)")
        XCTAssertGreaterThan(model.f1, icu.f1, "the model should beat ICU alone: \(model) vs \(icu)")
    }
}
