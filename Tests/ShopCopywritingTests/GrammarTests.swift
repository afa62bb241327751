import XCTest
@testable import ShopCopywriting

final class GrammarTests: XCTestCase {
    func testChineseMeasureWords() {
        XCTAssertEqual(ChineseMeasureWords.phrase("上衣"), "一件上衣")
        XCTAssertEqual(ChineseMeasureWords.phrase(ChineseMeasureWords.displayNoun("裙")), "一条裙子")
        XCTAssertEqual(ChineseMeasureWords.phrase("连衣裙", determiner: "这"), "这条连衣裙")
        XCTAssertEqual(ChineseMeasureWords.phrase("阔腿裤"), "一条阔腿裤")
        XCTAssertEqual(ChineseMeasureWords.phrase("鞋"), "一双鞋")
        XCTAssertEqual(ChineseMeasureWords.phrase("笔记本电脑"), "一台笔记本电脑")
        XCTAssertEqual(ChineseMeasureWords.phrase("衬衫"), "一件衬衫")
        XCTAssertEqual(ChineseMeasureWords.phrase("香水"), "一款香水")
        XCTAssertEqual(ChineseMeasureWords.withDe("白色"), "白色的")
        XCTAssertEqual(ChineseMeasureWords.withDe("好看的"), "好看的")
    }

    func testEnglishArticles() {
        XCTAssertEqual(EnglishArticle.prefixed("toy"), "a toy")
        XCTAssertEqual(EnglishArticle.prefixed("educational toy"), "an educational toy")
        XCTAssertEqual(EnglishArticle.prefixed("hour-long game"), "an hour-long game")
        XCTAssertEqual(EnglishArticle.prefixed("unicorn plush"), "a unicorn plush")
        XCTAssertEqual(EnglishArticle.prefixed("umbrella"), "an umbrella")
        XCTAssertEqual(EnglishArticle.prefixed("FM radio"), "an FM radio")
        XCTAssertEqual(EnglishArticle.prefixed("USB cable"), "a USB cable")
        XCTAssertEqual(EnglishArticle.prefixed("8-piece set"), "an 8-piece set")
        XCTAssertEqual(EnglishArticle.prefixed("one-piece swimsuit"), "a one-piece swimsuit")
        XCTAssertEqual(EnglishArticle.prefixed("European plug"), "a European plug")
    }

    func testEnglishPlurals() {
        XCTAssertEqual(EnglishPlural.plural("toy"), "toys")
        XCTAssertEqual(EnglishPlural.plural("battery"), "batteries")
        XCTAssertEqual(EnglishPlural.plural("box"), "boxes")
        XCTAssertEqual(EnglishPlural.plural("brush"), "brushes")
        XCTAssertEqual(EnglishPlural.plural("knife"), "knives")
        XCTAssertEqual(EnglishPlural.plural("child"), "children")
        XCTAssertEqual(EnglishPlural.plural("toy car"), "toy cars")
        XCTAssertEqual(EnglishPlural.plural("series"), "series")
        XCTAssertEqual(EnglishPlural.singular("Longboards"), "Longboard")
        XCTAssertEqual(EnglishPlural.singular("puzzles"), "puzzle")
        XCTAssertEqual(EnglishPlural.singular("batteries"), "battery")
        XCTAssertEqual(EnglishPlural.singular("glass"), "glass")
        XCTAssertEqual(EnglishPlural.count(1, "piece"), "1 piece")
        XCTAssertEqual(EnglishPlural.count(5, "piece"), "5 pieces")
    }

    func testPrices() {
        XCTAssertEqual(PriceFormatter.format(Price(cents: 19900, currency: "CNY")), "¥199")
        XCTAssertEqual(PriceFormatter.format(Price(cents: 129900, currency: "CNY"), style: .full), "¥1,299.00")
        XCTAssertEqual(PriceFormatter.format(Price(cents: 1999, currency: "USD")), "$19.99")
        XCTAssertEqual(PriceFormatter.format(Price(cents: 123456789, currency: "USD")), "$1,234,567.89")
        XCTAssertEqual(Price.parse("$237.68"), Price(cents: 23768, currency: "USD"))
        XCTAssertEqual(Price.parse("¥1,299.00"), Price(cents: 129900, currency: "CNY"))
        XCTAssertEqual(Price.parse("19.9 USD"), Price(cents: 1990, currency: "USD"))
        XCTAssertEqual(Price.parse("199", defaultCurrency: "CNY"), Price(cents: 19900, currency: "CNY"))
        XCTAssertEqual(Price.parse("$10.99 - $20.99"), Price(cents: 1099, currency: "USD", upperCents: 2099), "a range stays a range")
        XCTAssertNil(Price.parse("199"), "no currency and no default")
        XCTAssertNil(Price.parse("call us"))
    }

    func testListJoining() {
        XCTAssertEqual(ListJoiner.join(["复古", "文艺", "简约"], language: .zh), "复古、文艺、简约")
        XCTAssertEqual(ListJoiner.join(["red", "blue", "green"], language: .en), "red, blue and green")
        XCTAssertEqual(ListJoiner.join(["red", "blue"], language: .en), "red and blue")
    }

    /// The byte-suffix classifier gives what `hasSuffix` on characters gives: every listed
    /// suffix alone, after a word, with 子, and nouns that match none.
    func testClassifierMatchesTheCharacterSuffixReference() {
        func reference(_ noun: String) -> String {
            for (suffix, cl) in ChineseMeasureWords.bySuffix where noun.hasSuffix(suffix) { return cl }
            if noun.hasSuffix("子"), noun.count > 1 { return reference(String(noun.dropLast())) }
            return "款"
        }
        var nouns = ["", "子", "帽子子", "shirt", "T恤", "衣服a", "e\u{301}裙", "裙\u{301}"]
        for (suffix, _) in ChineseMeasureWords.bySuffix { nouns += [suffix, "新款" + suffix, suffix + "子", String(suffix.dropFirst())] }
        for n in nouns { XCTAssertEqual(ChineseMeasureWords.classifier(for: n), reference(n), n) }
    }
}
