import XCTest
@testable import ShopTokenize

final class TokenizerBasicsTests: XCTestCase {
    func words(_ text: String, _ options: TokenizerOptions = TokenizerOptions()) throws -> [String] {
        try Tokenizer(options: options).words(text)
    }

    func testSharedTokenizerUsesTheShippedModel() throws {
        XCTAssertTrue(try Tokenizer.shared().usesSegmentationModel, "Corpora/segmentation/segmenter.bin not found")
    }

    func testEmptyAndWhitespaceLines() throws {
        XCTAssertEqual(try words(""), [])
        XCTAssertEqual(try words("   \t \u{3000} "), [])
    }

    func testMixedScriptKeepsExactSpans() throws {
        let text = "iPhone 15 Pro 的电池续航很好！"
        let tokens = try Tokenizer().tokenize(text)
        let utf16 = Array(text.utf16)
        for t in tokens {
            XCTAssertEqual(t.text, String(decoding: utf16[t.start..<t.end], as: UTF16.self))
        }
        XCTAssertEqual(tokens.map(\.text), ["iPhone", "15", "Pro", "的", "电池", "续航", "很", "好", "！"])
        XCTAssertEqual(tokens.map(\.kind), [.word, .number, .word, .word, .word, .word, .word, .word, .punctuation])
    }

    func testSpansCountUTF16() throws {
        let tokens = try Tokenizer().tokenize("👍 好")
        XCTAssertEqual(tokens.map(\.start), [0, 3])
        XCTAssertEqual(tokens.map(\.end), [2, 4])
    }

    func testURLsAndEmailsStayWhole() throws {
        let tokens = try Tokenizer().tokenize("详情见https://shop.example.com/item?id=42，或写信给 service@shop-example.com.cn 。官网www.example.cn.")
        XCTAssertEqual(tokens.filter { $0.kind == .url }.map(\.text), ["https://shop.example.com/item?id=42", "www.example.cn"])
        XCTAssertEqual(tokens.filter { $0.kind == .email }.map(\.text), ["service@shop-example.com.cn"])
    }

    func testPricesStayWhole() throws {
        let tokens = try Tokenizer().tokenize("价格¥5,999.00，运费$12.50，贴膜12.5元，会员价 ￥88")
        XCTAssertEqual(tokens.filter { $0.kind == .price }.map(\.text), ["¥5,999.00", "$12.50", "12.5元", "￥88"])
    }

    func testNumbersDecimalsAndModelNumbers() throws {
        let tokens = try Tokenizer().tokenize("Dell XPS-13 vs RTX4090 and iPhone15, 3.14 GHz, 1,280 units, GB/T 2828 standard, 17% off, well-known")
        let w = tokens.map(\.text)
        for expected in ["XPS-13", "RTX4090", "iPhone15", "3.14", "1,280", "GB/T", "2828", "17%", "well-known"] {
            XCTAssertTrue(w.contains(expected), "\(expected) missing in \(w)")
        }
        XCTAssertEqual(tokens.first { $0.text == "3.14" }?.kind, .number)
        XCTAssertTrue(w.contains(","), "punctuation is kept as tokens: \(w)")
    }

    func testChineseDatesAndQuantities() throws {
        let w = try words("2024年3月15日下单，买了3件，等了两个星期，用了三个月，这个月不行。")
        XCTAssertTrue(w.contains("2024年3月15日"), "\(w)")
        XCTAssertTrue(w.contains("3件"), "\(w)")
        XCTAssertTrue(w.contains("两个星期"), "\(w)")
        XCTAssertTrue(w.contains("三个月"), "\(w)")
        XCTAssertFalse(w.contains("这个月"), "这 is no number: \(w)")
    }

    func testPunctuationRunsAndBoundaries() throws {
        let w = try words("太棒了...哈哈哈哈！！！订单号SO20240315001，C++ 和 C# 都行")
        XCTAssertTrue(w.contains("..."), "\(w)")
        XCTAssertTrue(w.contains("！！！"), "\(w)")
        XCTAssertTrue(w.contains("SO20240315001"), "a Latin word never continues a Han word: \(w)")
        XCTAssertTrue(w.contains("C++") && w.contains("C#"), "\(w)")
        for word in w where word.unicodeScalars.contains(where: { CharClass.isHan($0.value) }) {
            let punct = word.unicodeScalars.filter { CharacterSet.punctuationCharacters.contains($0) }.count
            XCTAssertTrue(punct == 0 || punct == word.unicodeScalars.count, "punctuation mixed into \(word)")
        }
    }

    func testEmojiSequencesStayWhole() throws {
        let tokens = try Tokenizer().tokenize("好评👍🏽👨‍👩‍👧‍👦🇨🇳😡")
        XCTAssertEqual(tokens.filter { $0.kind == .emoji }.map(\.text), ["👍🏽", "👨‍👩‍👧‍👦", "🇨🇳", "😡"])
    }

    func testShopVocabularyStaysWhole() throws {
        let w = try words("性价比超高，包邮，客服态度好，五星好评！")
        for expected in ["性价比", "包邮", "客服", "五星好评"] {
            XCTAssertTrue(w.contains(expected), "\(expected) missing in \(w)")
        }
    }

    func testVeryLongLine() throws {
        let unit = "这款手机的电池续航很好，屏幕也清晰 but the price is $999.99! "
        let text = String(repeating: unit, count: 3_000)  // about 150k UTF-16 units
        let tokens = try Tokenizer().tokenize(text)
        XCTAssertEqual(tokens.map(\.text).joined(), text.replacingOccurrences(of: " ", with: ""))
        XCTAssertEqual(tokens.filter { $0.kind == .price }.count, 3_000)
    }

    func testEnglishLanguageSkipsTheModel() throws {
        let tokenizer = try Tokenizer(options: TokenizerOptions(language: .en))
        XCTAssertFalse(tokenizer.usesSegmentationModel)
        XCTAssertEqual(tokenizer.words("Don't panic, it's 42."), ["Don't", "panic", ",", "it's", "42", "."])
    }
}
