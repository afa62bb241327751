import XCTest
@testable import ShopCopywriting

final class ComplianceTests: XCTestCase {
    func checker() throws -> ComplianceChecker {
        ComplianceChecker(list: try ComplianceList.load(directory: Fixtures.compliance))
    }

    func testChineseAbsoluteTermsWithColumns() throws {
        let hits = try checker().hits(in: "这是全网最好的国家级面料", line: 7)
        XCTAssertEqual(hits.map(\.term), ["最好", "国家级"], "the longest term at a position wins (最好, not 最)")
        XCTAssertEqual(hits.map(\.column), [5, 8])
        XCTAssertEqual(hits.map(\.line), [7, 7])
        XCTAssertEqual(try checker().hits(in: "销量第一，100%纯棉").map(\.term), ["销量第一", "100%"])
    }

    func testAllowedPhrasesAreNotFlagged() throws {
        XCTAssertTrue(try checker().isClean("最近上新的连衣裙"), "最近 (recently) is allowed")
        XCTAssertEqual(try checker().hits(in: "最近最火").map(\.matched), ["最"])
    }

    func testEnglishWholeWordsCaseInsensitive() throws {
        let c = try checker()
        XCTAssertEqual(c.hits(in: "The BEST toy, guaranteed!").map(\.matched), ["BEST", "guaranteed"])
        XCTAssertTrue(c.isClean("Bestow joy; a bestiary of animals"), "inside other words is fine")
        XCTAssertEqual(c.hits(in: "Rated #1 by kids").map(\.term), ["#1"])
        XCTAssertTrue(c.isClean("Part #10 of the set"), "#1 does not match #10")
        XCTAssertEqual(c.hits(in: "the number one choice").map(\.term), ["number one"])
    }

    func testListFilesCanBeExtended() throws {
        let extra = try ComplianceList.parse("@rule shop policy\n爆款\n!爆款预告\n", file: "zh-shop.txt")
        XCTAssertEqual(extra.banned.map(\.term), ["爆款"])
        var list = try ComplianceList.load(directory: Fixtures.compliance)
        list.banned += extra.banned
        list.allowed += extra.allowed
        let c = ComplianceChecker(list: list)
        XCTAssertEqual(c.hits(in: "今日爆款").map(\.rule), ["shop policy"])
        XCTAssertTrue(c.isClean("爆款预告"))
        XCTAssertThrowsError(try ComplianceList.parse("@oops\n", file: "x.txt"))
    }

    func testGenerationNeverEmitsBannedTerms() throws {
        let c = try checker()
        let template = try TemplateParser.parse("""
            @lang en
            @fallback
            == opening required
            - The best {name} ever.
            - Meet the {name}.
            == feature
            - {feature|1}
            """, file: "t.tmpl")
        let p = ProductRecord(id: "x", title: "Stacking Blocks", features: ["The best blocks money can buy.", "Made from maple wood for small hands."], language: .en)
        let d = ProductDescriber(library: TemplateLibrary(templates: [template]), checker: c,
                                 options: DescriberOptions(variants: 5)).describe(p)
        XCTAssertFalse(d.blurbs.isEmpty)
        for b in d.blurbs {
            XCTAssertTrue(c.isClean(b.text), b.text)
            XCTAssertFalse(b.text.contains("money"), "the feature with a banned term is not used: \(b.text)")
        }
        XCTAssertTrue(d.blurbs.contains { $0.text.contains("maple") })
    }
}
