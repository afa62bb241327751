@testable import ShopCopywriting
import XCTest

final class UTF8KeyTests: XCTestCase {
    func testKeysAreEqualExactlyWhenTheirBytesAre() {
        let texts = ["", "a", "简约风格的上衣。", "简约风格的上衣", "caf\u{E9}", "cafe\u{301}", "Best Buy", "best buy"]
        for a in texts {
            for b in texts {
                XCTAssertEqual(UTF8Key(a) == UTF8Key(b), Array(a.utf8) == Array(b.utf8), "\(a) vs \(b)")
            }
        }
        // Canonically equivalent Strings are equal as Strings, not as keys.
        XCTAssertEqual("caf\u{E9}", "cafe\u{301}")
        XCTAssertNotEqual(UTF8Key("caf\u{E9}"), UTF8Key("cafe\u{301}"))
    }

    func testEqualKeysHashAlikeAndWorkInADictionary() {
        let lines = (0..<500).map { "第\($0)句：宽松的版型包容性强。" }
        var d: [UTF8Key: Int] = [:]
        for (i, t) in lines.enumerated() { d[UTF8Key(t)] = i }
        XCTAssertEqual(d.count, lines.count)
        for (i, t) in lines.enumerated() {
            // A key made again from a copy built another way finds the same entry.
            let rebuilt = String(decoding: Array(t.utf8), as: UTF8.self)
            XCTAssertEqual(UTF8Key(rebuilt).hashValue, UTF8Key(t).hashValue)
            XCTAssertEqual(d[UTF8Key(rebuilt)], i)
        }
        XCTAssertNil(d[UTF8Key("宽松的版型包容性强。")])
    }
}
