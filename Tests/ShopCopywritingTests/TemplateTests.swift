import XCTest
import ShopData
@testable import ShopCopywriting

final class TemplateTests: XCTestCase {
    let shirt = ProductRecord(id: "p1", category: "上衣", specs: [
        ProductAttribute(key: "类型", value: "上衣"), ProductAttribute(key: "衣样式", value: "衬衫"),
        ProductAttribute(key: "材质", value: "棉"), ProductAttribute(key: "风格", value: "复古"),
        ProductAttribute(key: "风格", value: "文艺"), ProductAttribute(key: "衣领型", value: "v领"),
    ], language: .zh)

    func realise(_ line: String, _ record: ProductRecord, tone: Tone = .plain, slots: [DerivedSlot] = []) throws -> [String] {
        let l = try TemplateParser.parseLine(line)
        let ctx = SlotContext(record: record, language: record.inferredLanguage, derivedSlots: slots)
        return TemplateRealiser.realise(l, in: ctx, tone: tone).map(\.text)
    }

    func testSlotFillingWithFiltersAndMentions() throws {
        XCTAssertEqual(try realise("{衣样式|this}选用{材质}面料，{风格}风格。", shirt), ["这件衬衫选用棉面料，复古、文艺风格。"])
        XCTAssertEqual(try realise("{风格|first}", shirt), ["复古"])
        XCTAssertEqual(try realise("{风格|2}", shirt), ["文艺"])
        XCTAssertEqual(try realise("{衣领型}设计", shirt), ["V领设计"], "Latin letters in Chinese values are upper-cased")
        let l = try TemplateParser.parseLine("{?衣领型=v领} {衣样式}很百搭")
        let r = TemplateRealiser.realise(l, in: SlotContext(record: shirt, language: .zh), tone: .plain)
        XCTAssertEqual(Set(r[0].facts), [ProductAttribute(key: "衣领型", value: "v领"), ProductAttribute(key: "衣样式", value: "衬衫")])
    }

    func testMissingAttributesSkipLinesAndDropOptionalGroups() throws {
        XCTAssertEqual(try realise("{颜色}的{衣样式}", shirt), [], "颜色 is missing: the sentence is skipped")
        XCTAssertEqual(try realise("这件[{颜色}的]{衣样式}", shirt), ["这件衬衫"], "optional group dropped")
        XCTAssertEqual(try realise("{?图案} 点缀{图案}", shirt), [])
        XCTAssertEqual(try realise("{?!图案} 没有花样的{衣样式}", shirt), ["没有花样的衬衫"])
        XCTAssertEqual(try realise("{?风格=复古} 复古味", shirt), ["复古味"])
        XCTAssertEqual(try realise("{?风格=性感} 性感", shirt), [])
    }

    func testAlternativesAndTones() throws {
        XCTAssertEqual(Set(try realise("<很好看|很耐看>的{衣样式}", shirt)), ["很好看的衬衫", "很耐看的衬衫"])
        XCTAssertEqual(try realise("<{颜色}|{材质}>料子", shirt), ["棉料子"], "alternatives with missing slots drop out")
        XCTAssertEqual(try realise("(lively) 好看哦", shirt, tone: .plain), [])
        XCTAssertEqual(try realise("(lively) 好看哦", shirt, tone: .lively), ["好看哦"])
        XCTAssertEqual(try realise("好看", shirt, tone: .premium), ["好看"], "untagged lines serve every tone")
    }

    func testDerivedSlotsTakeTheFirstFillableAlternative() throws {
        let t = try TemplateParser.parse("@lang zh\n@slot 单品 = {裙长|first} | {类型|noun}\n== a required\n- {单品|mw}\n", file: "t.tmpl")
        let skirt = ProductRecord(id: "s", specs: [ProductAttribute(key: "类型", value: "裙")], language: .zh)
        XCTAssertEqual(try realise("{单品|mw}", skirt, slots: t.derivedSlots), ["一条裙子"])
        var dress = skirt
        dress.specs.append(ProductAttribute(key: "裙长", value: "连衣裙"))
        XCTAssertEqual(try realise("{单品|this}", dress, slots: t.derivedSlots), ["这条连衣裙"])
    }

    func testEnglishSlotsAndGrammar() throws {
        let p = ProductRecord(id: "e1", title: "Electronic Snap Circuits Mini Kits Classpack, FM Radio (Set of 5)",
                              category: "Toys & Games | Learning & Education | Puzzles", price: Price(cents: 9995, currency: "USD"),
                              features: ["Make sure this fits by entering your model number.", "RESPONSIVE FLEX: the deck flexes under load. More text here."],
                              language: .en)
        XCTAssertEqual(try realise("Meet the {name}, {category|singular|lower|a}, for {price}.", p),
                       ["Meet the Electronic Snap Circuits Mini Kits Classpack, a puzzle, for $99.95."])
        XCTAssertEqual(try realise("{feature|1}", p), ["The deck flexes under load."])
        XCTAssertEqual(try realise("{feature|2}", p), [], "there is only one usable feature")
    }

    func testParseErrorsNameTheLine() {
        XCTAssertThrowsError(try TemplateParser.parse("@lang zh\n== a\n- {颜色|shout}\n", file: "bad.tmpl")) { e in
            let d = e as? DataError
            XCTAssertEqual(d?.line, 3)
            XCTAssertTrue(d?.reason.contains("unknown filter") == true, "\(String(describing: d))")
        }
        XCTAssertThrowsError(try TemplateParser.parse("@lang zh\n- 句子\n", file: "bad.tmpl")) { e in
            XCTAssertEqual((e as? DataError)?.line, 2)
        }
        XCTAssertThrowsError(try TemplateParser.parse("== a\n- x\n", file: "bad.tmpl"), "missing @lang")
        XCTAssertThrowsError(try TemplateParser.parse("@lang zh\n== a\n- [unclosed {颜色}\n", file: "bad.tmpl"))
    }

    /// The syntax is read character by character: a syntax mark with a combining mark on it
    /// is one character and plain text, and Chinese text around the marks is kept whole.
    func testSyntaxMarksAreWholeCharacters() throws {
        XCTAssertEqual(try TemplateParser.parseLine("中{颜色|lower}<甲|乙\\>>[丙{材质}]。").nodes,
                       [.text("中"), .slot(SlotReference(key: "颜色", filters: ["lower"])), .choice([[.text("甲")], [.text("乙>")]]),
                        .optional([.text("丙"), .slot(SlotReference(key: "材质"))]), .text("。")])
        XCTAssertEqual(try TemplateParser.parseLine("a{\u{301}b}\u{301}c").nodes, [.text("a{\u{301}b}\u{301}c")])
        XCTAssertEqual(try TemplateParser.parseLine("<x|\u{301}y>").nodes, [.choice([[.text("x|\u{301}y")]])],
                       "'|' with a combining mark on it separates nothing")
        XCTAssertThrowsError(try TemplateParser.parseLine("<x>\u{301}"), "nor does '>' with one close anything")
    }

    func testShippedTemplatesLoadAndSelectByCategory() throws {
        let lib = try TemplateLibrary.load(directory: Fixtures.templates)
        XCTAssertEqual(lib.applicable(to: shirt, language: .zh).map(\.name), ["zh-上衣"])
        let unknown = ProductRecord(id: "x", title: "保温杯", language: .zh)
        XCTAssertEqual(lib.applicable(to: unknown, language: .zh).map(\.name), ["zh-通用"], "the generic set is the fallback")
    }
}
