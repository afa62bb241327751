import XCTest
@testable import ShopSentiment

final class LabelMappingTests: XCTestCase {
    func testStarsToPolarity() {
        let m = LabelMapping(starsToPolarity: true)
        XCTAssertEqual(m.map("1"), "negative")
        XCTAssertEqual(m.map("2"), "negative")
        XCTAssertNil(m.map("3"))
        XCTAssertEqual(m.map("4"), "positive")
        XCTAssertEqual(m.map("5.0"), "positive")
        XCTAssertEqual(LabelMapping(starsToPolarity: true, keepNeutral: true).map("3"), "neutral")
    }

    func testBinaryAndNames() {
        let m = LabelMapping()
        XCTAssertEqual(m.map("0"), "negative")
        XCTAssertEqual(m.map("1"), "positive")
        XCTAssertEqual(m.map(" POS "), "positive")
        XCTAssertEqual(m.map("refund"), "refund")
        XCTAssertNil(m.map(""))
        // Without the flag, stars are labels of their own.
        XCTAssertEqual(m.map("4"), "4")
    }

    func testLabelOrder() {
        XCTAssertEqual(LabelMapping.order(["positive", "negative"]), ["negative", "positive"])
        XCTAssertEqual(LabelMapping.order(["positive", "x", "neutral", "negative"]), ["negative", "neutral", "positive", "x"])
    }
}
