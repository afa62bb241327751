import XCTest
@testable import ShopSentiment

final class FeatureTests: XCTestCase {
    func testUnitsSplitHanAndWords() {
        let u = TextUnits("ＡＢＣ手机 Battery's great!!!!")
        let texts = (0..<u.count).map(u.text)
        XCTAssertEqual(texts, ["abc", "手", "机", "battery's", "great", "!", "!"])
        XCTAssertEqual(u.isHan, [false, true, true, false, false, false, false])
        XCTAssertGreaterThan(TextUnits("质量很好 good").hanShare, 0.5)
        XCTAssertEqual(TextUnits("good stuff").hanShare, 0)
    }

    func testNgramsStopAtWordsForHanOrder() {
        let ex = FeatureExtractor(options: FeatureOptions(order: 1, hanOrder: 3))
        var spans: [Int] = []
        ex.forEach(TextUnits("很好用 ok")) { _, _, len in spans.append(len) }
        // 3 Han unigrams + "ok", Han bigrams 很好 好用, Han trigram 很好用; no Han+word n-grams.
        XCTAssertEqual(spans.sorted(), [1, 1, 1, 1, 2, 2, 3])
    }

    func testHashesAreStable() {
        // Stored in model files: must never change between runs or builds.
        XCTAssertEqual(FeatureHash.string("好"), FeatureHash.string("好"))
        XCTAssertNotEqual(FeatureHash.string("好"), FeatureHash.string("差"))
        XCTAssertEqual(TextUnits("好").hashes[0], FeatureHash.string("好"))
    }

    func testVocabularyMinCountMaxSizeAndEncode() {
        let docs: [[UInt64]] = [[1, 2, 3, 3], [1, 2], [1, 4], [5]]
        let v = Vocabulary.build(documents: docs, minCount: 2, maxSize: 10)
        XCTAssertEqual(v.keys, [1, 2])  // df 3, 2; 3 counted once per document
        XCTAssertEqual(Vocabulary.build(documents: docs, minCount: 1, maxSize: 2).keys, [1, 2])
        XCTAssertEqual(v.encode([2, 9, 1, 2]), [0, 1])
    }
}
