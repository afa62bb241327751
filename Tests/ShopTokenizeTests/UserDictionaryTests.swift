import XCTest
@testable import ShopTokenize

final class UserDictionaryTests: XCTestCase {
    func testUserWordsStayWhole() throws {
        let plain = try Tokenizer().words("我买了小米手环八代和华为畅享")
        XCTAssertFalse(plain.contains("小米手环八代"))
        let tokenizer = try Tokenizer(options: TokenizerOptions(userWords: ["小米手环八代", "华为畅享", " 畅享 "]))
        let w = tokenizer.words("我买了小米手环八代和华为畅享")
        XCTAssertTrue(w.contains("小米手环八代"), "\(w)")
        XCTAssertTrue(w.contains("华为畅享"), "longest match wins: \(w)")
    }

    func testUserWordsWithSpacesAndLatin() throws {
        let tokenizer = try Tokenizer(options: TokenizerOptions(userWords: ["iPhone 15 Pro", "AirPods"]))
        XCTAssertEqual(tokenizer.words("iPhone 15 Pro和AirPods"), ["iPhone 15 Pro", "和", "AirPods"])
    }

    func testEmptyUserWordsAreIgnored() throws {
        let tokenizer = try Tokenizer(options: TokenizerOptions(userWords: ["", "  "]))
        XCTAssertEqual(tokenizer.words("a b"), ["a", "b"])
    }
}
