import XCTest
@testable import ShopSentiment

/// --explain in whole words, and the deletion test that says the words matter.
final class WordExplainerTests: XCTestCase {
    func testExplanationsAreWholeTokenizerWords() throws {
        let model = try ToyCorpus.model()
        for text in ["这个电池太差了，物流也不行。", "The battery is terrible and the screen is awful."] {
            let label = model.predict(text).labelIndex
            let tokens = WordExplainer.Words(text).tokens
            let explained = WordExplainer.explain(text, model: model, label: label, top: 3)
            XCTAssertFalse(explained.isEmpty, text)
            for e in explained {
                XCTAssertTrue(tokens.contains(e.text), "'\(e.text)' is not one of the tokenizer's words \(tokens)")
                XCTAssertGreaterThan(e.weight, 0)
            }
            XCTAssertEqual(explained.map(\.weight), explained.map(\.weight).sorted(by: >))
        }
        // The word that carries the polarity is found, not the aspect around it.
        let en = WordExplainer.explain("The battery is terrible.", model: model, label: model.labels.firstIndex(of: "negative")!, top: 1)
        XCTAssertEqual(en.first?.text, "terrible")
    }

    func testRemovingTheTopWordsMovesTheScoreMoreThanRandomWords() throws {
        let model = try ToyCorpus.model()
        let texts = ToyCorpus.examples(seed: 5, count: 60).map { $0.text + " 今天 收到 了 the box came today" }
        let r = DeletionTest.run(texts: texts, model: model, k: 3, seed: 1)
        XCTAssertEqual(r.reviews, 60)
        XCTAssertGreaterThan(r.meanTopDrop, 0)
        XCTAssertGreaterThan(r.ratio, 3, "top \(r.meanTopDrop), random \(r.meanRandomDrop)")
    }

    func testTextRebuildKeepsChineseJoinedAndSpacesWords() {
        let w = WordExplainer.Words("物流很快 good job")
        XCTAssertEqual(w.text().replacingOccurrences(of: " ", with: ""), "物流很快goodjob")
        XCTAssertTrue(w.text().contains("good job"))
        XCTAssertFalse(w.text().contains("物 流"))
    }
}
