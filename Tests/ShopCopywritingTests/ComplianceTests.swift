import XCTest
@testable import ShopCopywriting

final class ComplianceTests: XCTestCase {
    func checker() throws -> ComplianceChecker {
        try Fixtures.shippedChecker()
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
        for b in d.blurbs { XCTAssertTrue(c.isClean(b.text), b.text) }
        XCTAssertTrue(d.blurbs.allSatisfy { $0.text.contains("The great blocks money can buy.") }, "the word is replaced, the fact kept")
    }

    func testExtendedListFullWidthAndCase() throws {
        let c = try checker()
        for text in ["销量NO.1", "销量No.1的毛衣", "TOP1 单品", "全网第1名", "首屈一指的面料", "１００％纯棉", "unmatched durability", "Top 1 seller"] {
            XCTAssertFalse(c.isClean(text), text)
        }
        XCTAssertTrue(c.isClean("Available at Best Buy"), "a shop's name")
        XCTAssertFalse(c.isClean("the best buy of the year is here") && c.isClean("best price"))
    }

    func testScrubCutsTheWordNotTheFact() throws {
        let c = try checker()
        XCTAssertEqual(c.scrub("100%新疆长绒棉"), "新疆长绒棉")
        XCTAssertEqual(c.scrub("１００％新疆长绒棉，穿着舒适。"), "新疆长绒棉，穿着舒适。")
        XCTAssertEqual(c.scrub("Offers unmatched durability."), "Offers durability.")
        // A quoted claim goes with its quotes; an apostrophe stays.
        XCTAssertEqual(c.scrub("The world's 'most asked for' horses since 1950."), "The world's horses since 1950.")
        XCTAssertEqual(c.scrub("100% cotton cover."), "Cotton cover.")
        XCTAssertEqual(c.scrub("最舒适的面料"), "很舒适的面料", "listed replacement")
        XCTAssertEqual(c.scrub("Mama Knows Best carrier, the best gift", exempt: ["Mama Knows Best"]), "Mama Knows Best carrier, the great gift")
    }

    func testNamesAreExemptAndNoProductLosesItsBlurb() throws {
        let c = try checker()
        let d = ProductDescriber(library: try Fixtures.shippedLibrary(), checker: c)
        let records = [
            ProductRecord(id: "a", title: "Mama Knows Best Baby Carrier", brand: "Mama Knows Best", language: .en),
            ProductRecord(id: "b", title: "Ultimate Guard Deck Case, Black", brand: "Ultimate Guard", category: "Toys & Games | Card Games", language: .en),
            ProductRecord(id: "c", title: "Perfect Fit Yoga Mat", features: ["The best mat for hot yoga, unmatched grip."], language: .en),
            ProductRecord(id: "d", title: "纯棉T恤", category: "男装|T恤", features: ["100%新疆长绒棉"], language: .zh),
        ]
        for out in d.describe(records) {
            XCTAssertFalse(out.blurbs.isEmpty, out.productID)
            let r = records.first { $0.id == out.productID }!
            let exempt = [r.title ?? "", r.brand ?? "", ProductName.of(r)].filter { !$0.isEmpty }
            // `describe --check` on our own output, names aside.
            XCTAssertEqual(c.hits(in: out.blurbs[0].text, exempt: exempt), [], out.blurbs[0].text)
        }
        XCTAssertTrue(d.describe(records[0]).blurbs[0].text.contains("Mama Knows Best"))
        XCTAssertTrue(d.describe(records[3]).blurbs[0].text.contains("新疆长绒棉"))
    }

    /// The range test for a word scalar is the property test it replaced, for every BMP scalar.
    func testWordScalarsAreASCIILettersAndDigits() {
        for v in UInt32(0)..<0x1_0000 {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ComplianceChecker.isWordScalar(s), s.isASCII && (s.properties.isAlphabetic || (v >= 48 && v <= 57)), "U+\(String(v, radix: 16))")
        }
    }
}
