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

    /// Small (inline) and heap strings, equal lengths with other bytes, strings built
    /// from slices: `bytesEqual` is byte equality, and facts hash by it.
    func testBytesEqualAcrossStorageKinds() {
        let long = "宽松的版型包容性强，遮肉显瘦。"
        let texts = ["", "ab", "ac", "简约", "简单", long, String(long.dropLast()) + "！",
                     String(long.prefix(4)), "宽松的版", "Mama Knows Best", "Mama Knows Bess", String(repeating: "x", count: 40)]
        for a in texts {
            for b in texts {
                let rebuilt = String(decoding: Array(b.utf8), as: UTF8.self)
                XCTAssertEqual(UTF8Key.bytesEqual(a, rebuilt), Array(a.utf8) == Array(b.utf8), "\(a) vs \(b)")
                let fa = ProductAttribute(key: a, value: b), fb = ProductAttribute(key: String(decoding: Array(a.utf8), as: UTF8.self), value: rebuilt)
                XCTAssertEqual(fa, fb)
                XCTAssertEqual(fa.hashValue, fb.hashValue)
            }
        }
        XCTAssertNotEqual(ProductAttribute(key: "ab", value: "c"), ProductAttribute(key: "a", value: "bc"))
        XCTAssertNotEqual(Set([ProductAttribute(key: "ab", value: "c")]).contains(ProductAttribute(key: "a", value: "bc")), true)
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
