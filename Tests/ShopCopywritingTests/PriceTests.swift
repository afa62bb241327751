import XCTest
@testable import ShopCopywriting

final class PriceTests: XCTestCase {
    func testDecimalCommaAndThousands() {
        XCTAssertEqual(Price.parse("19,99 EUR"), Price(cents: 1999, currency: "EUR"), "decimal comma, not 1,999")
        XCTAssertEqual(PriceFormatter.format(Price.parse("19,99 EUR")!), "€19.99")
        XCTAssertEqual(Price.parse("1.299,50 €"), Price(cents: 129950, currency: "EUR"))
        XCTAssertEqual(Price.parse("$1,299.00"), Price(cents: 129900, currency: "USD"))
        XCTAssertEqual(Price.parse("1,299", defaultCurrency: "USD"), Price(cents: 129900, currency: "USD"), "comma before three digits groups")
        XCTAssertEqual(Price.parse("0,5 EUR"), Price(cents: 50, currency: "EUR"))
        XCTAssertEqual(Price.parse("１９，９９ EUR"), Price(cents: 1999, currency: "EUR"), "full-width digits")
    }

    func testCurrencyCodesAndSymbols() {
        XCTAssertEqual(Price.parse("JPY 1980"), Price(cents: 198000, currency: "JPY"))
        XCTAssertEqual(Price.parse("1.980円"), Price(cents: 198000, currency: "JPY"), "yen have no minor unit")
        XCTAssertEqual(PriceFormatter.format(Price.parse("JPY 1980")!), "JP¥1,980")
        XCTAssertEqual(Price.parse("£12"), Price(cents: 1200, currency: "GBP"))
        XCTAssertEqual(Price.parse("HK$88"), Price(cents: 8800, currency: "HKD"))
        XCTAssertEqual(Price.parse("￥199元"), Price(cents: 19900, currency: "CNY"))
        XCTAssertEqual(Price.parse("199 CNY"), Price(cents: 19900, currency: "CNY"))
    }

    func testRangesAndNonPrices() {
        let r = Price.parse("$10.99 - $20.99")
        XCTAssertEqual(r, Price(cents: 1099, currency: "USD", upperCents: 2099))
        XCTAssertEqual(PriceFormatter.format(r!), "$10.99–$20.99")
        XCTAssertEqual(Price.parse("10-20元"), Price(cents: 1000, currency: "CNY", upperCents: 2000))
        XCTAssertNil(Price.parse("$20 - $10"), "a backwards range is not a price")
        XCTAssertNil(Price.parse("call us"))
        XCTAssertNil(Price.parse("null"))
        XCTAssertNil(Price.parse("199"), "no currency and no default")
        XCTAssertNil(Price.parse("1.2.3,4,5 EUR"))
    }

    func testUnreadablePricesKeepTheRecordWithAWarning() throws {
        let path = try Fixtures.temporaryFile("p.jsonl", """
            {"id": "a", "title": "Kite", "price": null}
            {"id": "b", "title": "Kite", "price": "ask us"}
            {"id": "c", "title": "Kite", "price": "19,99 EUR", "lang": "fr"}
            """)
        let (records, errors) = try ProductReader(path: path, format: .jsonl).readAll()
        XCTAssertEqual(errors.count, 0)
        XCTAssertEqual(records.map(\.id), ["a", "b", "c"])
        XCTAssertNil(records[0].price)
        XCTAssertEqual(records[0].warnings.count, 1)
        XCTAssertTrue(records[1].warnings[0].contains("not a price"))
        XCTAssertFalse(records[1].warnings[0].contains("ask us"), "warnings name the field, never echo its value")
        XCTAssertEqual(records[2].price, Price(cents: 1999, currency: "EUR"))
        XCTAssertTrue(records[2].warnings.contains { $0.contains("'fr' is not supported") })
    }
}
