import XCTest
@testable import ShopSentiment

final class AspectTests: XCTestCase {
    static let lexicon = AspectExtractor(
        zh: try! AspectLexicon.parse("屏幕\t屏幕\n电池\t电池\n续航\t电池\n物流\t物流\n快递\t物流\n"),
        en: try! AspectLexicon.parse("battery life\tbattery\nbattery\tbattery\nscreen\tscreen\n"))

    func testChineseTermsAndLongestMatch() {
        let found = Self.lexicon.find(TextUnits("屏幕很好，续航一般，快递很快"), language: "zh")
        XCTAssertEqual(found.map(\.term), ["屏幕", "续航", "快递"])
        XCTAssertEqual(found.map(\.aspect), ["屏幕", "电池", "物流"])
    }

    func testEnglishLexiconAndNounHeuristic() {
        let found = Self.lexicon.find(TextUnits("The battery life is great, but the keyboard feels cheap."), language: "en")
        XCTAssertEqual(found.map(\.term), ["battery life", "keyboard"])
        XCTAssertEqual(found.map(\.aspect), ["battery", "keyboard"])
    }

    func testClausesSplitAtContrast() {
        let u = TextUnits("屏幕很好但是电池太差了")
        let clauses = ClauseSplitter.clauses(u).map { AspectExtractor.text(u, $0) }
        XCTAssertEqual(clauses, ["屏幕很好", "但是电池太差了"])
    }

    func testPolarityPerAspect() throws {
        let model = try ToyCorpus.model()
        let zh = Self.lexicon.analyse(units: TextUnits("屏幕很好，但是电池太差了"), language: "zh", model: model)
        XCTAssertEqual(zh.map(\.term), ["屏幕", "电池"])
        XCTAssertEqual(zh.map(\.polarity), ["positive", "negative"])
        let en = Self.lexicon.analyse(units: TextUnits("The screen is excellent, but the battery is terrible."), language: "en", model: model)
        XCTAssertEqual(en.map(\.term), ["screen", "battery"])
        XCTAssertEqual(en.map(\.polarity), ["positive", "negative"])
    }
}
