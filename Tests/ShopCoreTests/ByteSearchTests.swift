import XCTest
import ShopCore

final class ByteSearchTests: XCTestCase {
    private func find(_ needle: String, _ hay: String, from: Int = 0) -> Int? {
        let n = Array(needle.utf8), h = Array(hay.utf8)
        return n.withUnsafeBufferPointer { np in h.withUnsafeBufferPointer { ByteSearch.firstIndex(of: np, in: $0, from: from) } }
    }

    func testFirstOccurrenceFromAnOffset() {
        XCTAssertEqual(find("ab", "xxabyab"), 2)
        XCTAssertEqual(find("ab", "xxabyab", from: 3), 5)
        XCTAssertEqual(find("aab", "aaab"), 1)  // a partial match must not skip the real one
        XCTAssertEqual(find("发货", "什么时候发货"), "什么时候".utf8.count)
        XCTAssertNil(find("abc", "ab"))
        XCTAssertNil(find("ab", "xxabyab", from: 6))
        XCTAssertNil(find("", "abc"))
        XCTAssertEqual(find("abc", "abc"), 0)
    }
}
