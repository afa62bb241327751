import XCTest
import ShopCore
import ShopData
@testable import ShopCopywriting

/// `preferSpecific`: a line written for the product's own value wins over generic wording
/// that states as much; generic lines still serve values no line was written for.
final class SpecificLinesTests: XCTestCase {
    let template = """
    @name t
    @lang zh
    @fallback
    == detail
    - {?裙款式} {裙款式}的设计<很好看|很别致>。
    - {?裙款式=荷叶边} 荷叶边<增添了甜美气息|很灵动>。
    """

    func texts(_ value: String, prefer: Bool) throws -> Set<String> {
        let t = try TemplateParser.parse(template, file: "t.tmpl")
        let record = ProductRecord(id: "p", category: "裙", specs: [ProductAttribute(key: "裙款式", value: value)], language: .zh)
        var rng = SplitMix64(seed: 3)
        let g = CandidateGenerator(maxCandidates: 24, preferSpecific: prefer)
        return Set(g.candidates(for: t, context: SlotContext(record: record, language: .zh), tone: nil, checker: nil, rng: &rng).map(\.text))
    }

    func testSpecificLinesWinWhenTheyStateAsMuch() throws {
        XCTAssertEqual(try texts("荷叶边", prefer: true), ["荷叶边增添了甜美气息。", "荷叶边很灵动。"])
        XCTAssertEqual(try texts("荷叶边", prefer: false).count, 4, "off: generic and specific lines mix")
    }

    func testGenericLinesServeOtherValues() throws {
        XCTAssertEqual(try texts("口袋", prefer: true), ["口袋的设计很好看。", "口袋的设计很别致。"])
    }
}
