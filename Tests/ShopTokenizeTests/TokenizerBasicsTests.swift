import XCTest
@testable import ShopTokenize

final class TokenizerBasicsTests: XCTestCase {
    func words(_ text: String, _ options: TokenizerOptions = TokenizerOptions()) throws -> [String] {
        try Tokenizer(options: options).words(text)
    }

    func testEmptyAndWhitespaceLines() throws {
        XCTAssertEqual(try words(""), [])
        XCTAssertEqual(try words("   \t "), [])
    }

    func testSpansAreExactInputCharacters() throws {
        let text = "iPhone 15 Pro 的电池续航很好！"
        let tokens = try Tokenizer().tokenize(text)
        let utf16 = Array(text.utf16)
        for t in tokens {
            XCTAssertEqual(t.text, String(decoding: utf16[t.start..<t.end], as: UTF16.self))
        }
        XCTAssertEqual(tokens.map(\.text).joined(), text.replacingOccurrences(of: " ", with: ""))
        XCTAssertEqual(Array(tokens.map(\.text).prefix(3)), ["iPhone", "15", "Pro"])
        XCTAssertEqual(tokens.last?.kind, .punctuation)
    }

    func testURLsEmailsPricesStayWhole() throws {
        let w = try words("详情见https://shop.example.com/item?id=42，或写信给 service@shop-example.com.cn 。价格¥5,999.00，运费$12.50，贴膜12.5元")
        XCTAssertTrue(w.contains("https://shop.example.com/item?id=42"), "\(w)")
        XCTAssertTrue(w.contains("service@shop-example.com.cn"), "\(w)")
        XCTAssertTrue(w.contains("¥5,999.00"), "\(w)")
        XCTAssertTrue(w.contains("$12.50"), "\(w)")
        XCTAssertTrue(w.contains("12.5元"), "\(w)")
    }

    func testModelNumbersAndDecimals() throws {
        let w = try words("Dell XPS-13 vs RTX4090 and iPhone15, 3.14 GHz, GB/T 2828 standard, 17% off")
        for expected in ["XPS-13", "RTX4090", "iPhone15", "3.14", "GB/T", "2828", "17%"] {
            XCTAssertTrue(w.contains(expected), "\(expected) missing in \(w)")
        }
    }

    func testEmojiSequencesStayWhole() throws {
        let tokens = try Tokenizer().tokenize("好评👍🏽👨‍👩‍👧‍👦🇨🇳")
        let emoji = tokens.filter { $0.kind == .emoji }.map(\.text)
        XCTAssertEqual(emoji, ["👍🏽", "👨‍👩‍👧‍👦", "🇨🇳"])
    }
}
