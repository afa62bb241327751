import XCTest
import ShopCore
@testable import ShopCopywriting

/// The code-point paths of `CopyTokenizer` must give the `Character` tokeniser's tokens.
final class CopyTokenizerFastPathTests: XCTestCase {
    static let edgeCases = [
        "", " ", "a", "A1.5元", "这款裙子，垂感自然。", "３件套ＡＢＣａｂｃ１２", "全角\u{3000}空格", "CR\r\nLF\nTab\tend",
        "V领 T恤 100% 棉", "e\u{301}cole 组合字符", "韩\u{302A}文", "𠀀 扩展字", "emoji 👗 裙", "“引号”—破折号……", "零宽\u{200D}连接",
        "It's 4.5 inches, 3.0-4.0 lbs. (NO.1) kid's", "12.5.3 version 3. end.", "'quoted' .5 5. a.b", "UPPER lower MiXeD",
        "tabs\tand\u{0B}vertical\u{0C}feeds", "ﬁ ligature", "café naïve", "\u{00A0}nbsp", "x\u{2028}y",
    ]

    func check(_ texts: [String]) {
        for t in texts {
            for language in Language.allCases {
                XCTAssertEqual(CopyTokenizer.tokens(t, language: language), CopyTokenizer.tokensReference(t, language: language),
                               "\(language): \(t.debugDescription)")
            }
        }
    }

    func testEdgeCases() {
        check(Self.edgeCases + FastPathTests.texts)
        XCTAssertNotNil(CopyTokenizer.simpleChinese("这款裙子，垂感自然。"), "the fast path is taken for plain Chinese")
        XCTAssertNotNil(CopyTokenizer.asciiEnglish("It's 4.5 inches."))
    }

    /// Every sentence the shipped templates write for the sample and corpus records.
    func testTemplateSentences() throws {
        let library = try Fixtures.shippedLibrary()
        var texts: [String] = []
        for record in try LazyExpansionTests.records().prefix(120) {
            let language = record.inferredLanguage
            for template in library.applicable(to: record, language: language) {
                let context = SlotContext(record: record, language: language, derivedSlots: template.derivedSlots)
                for part in template.parts {
                    for line in part.lines { texts += TemplateRealiser.realise(line, in: context, tone: .plain, limit: 4, variation: 7).map(\.text) }
                }
            }
        }
        XCTAssertGreaterThan(texts.count, 1000)
        check(texts)
    }
}
