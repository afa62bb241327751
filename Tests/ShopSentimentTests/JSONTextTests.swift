import Foundation
import XCTest
import ShopCore
@testable import ShopSentiment

/// `JSONText.string` appends an escape-free string whole; it must write what the scalar loop
/// writes for every string, escape-free or not.
final class JSONTextTests: XCTestCase {
    func testWholeStringPathEqualsScalarLoop() {
        let pieces = ["a", "订单", "\"", "\\", "\n", "\r", "\t", "\u{0001}", "\u{001F}", "\u{2028}", "\u{2029}", "—", "…", "€",
                      "🙂", "e\u{0301}", " ", "{}", "</script>", "\u{007F}", "ｗ"]
        var rng = SplitMix64(seed: 4)
        var escaped = 0
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 6) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            var fast = ""
            JSONText.string(s, into: &fast)
            var slow = "\""
            JSONText.escapeByScalars(s, into: &slow)
            slow += "\""
            XCTAssertEqual(fast, slow)
            if fast.count != s.count + 2 { escaped += 1 }
            // and it is JSON that reads back as the string
            let back = (try? JSONSerialization.jsonObject(with: Data(("[" + fast + "]").utf8))) as? [String]
            XCTAssertEqual(back, [s])
        }
        XCTAssertGreaterThan(escaped, 1000)
    }
}
