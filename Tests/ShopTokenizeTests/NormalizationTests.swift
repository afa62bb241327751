import XCTest
@testable import ShopTokenize

final class NormalizationTests: XCTestCase {
    func testNormalizerFoldsWidthAndCase() {
        XCTAssertEqual(TextNormalizer.normalize("Ｈｅｌｌｏ　ＷＯＲＬＤ １２３！"), "hello world 123!")
        XCTAssertEqual(TextNormalizer.normalize("Straße"), "strasse")
        XCTAssertEqual(TextNormalizer.normalize("ＧＢ／Ｔ"), "gb/t")
        XCTAssertEqual(TextNormalizer.normalize(""), "")
    }

    func testNormalizerKeepsEmojiSequences() {
        XCTAssertEqual(TextNormalizer.normalize("👨‍👩‍👧"), "👨‍👩‍👧")
    }

    func testWordsNormaliseButTokensKeepInput() throws {
        let tokenizer = try Tokenizer(options: TokenizerOptions(normalize: true))
        let text = "ＩＰＨＯＮＥ１５ 很好 Ｏｋ！"
        XCTAssertEqual(tokenizer.words(text), ["iphone15", "很", "好", "ok", "!"])
        XCTAssertEqual(tokenizer.tokenize(text).first?.text, "ＩＰＨＯＮＥ１５")
    }
}
