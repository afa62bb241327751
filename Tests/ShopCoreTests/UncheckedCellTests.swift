import XCTest
import ShopCore

final class UncheckedCellTests: XCTestCase {
    /// A callback bumps the shared value; the owner reads what the callback wrote.
    func testCallbackUpdatesAreSeenByTheOwner() {
        let count = UncheckedCell(0)
        let flag = UncheckedCell(false)
        let bump: () -> Void = { count.value += 1; if count.value == 3 { flag.value = true } }
        for _ in 0..<3 { bump() }
        XCTAssertEqual(count.value, 3)
        XCTAssertTrue(flag.value)
    }

    func testBenchmarkErrorSaysWhatIsMissing() {
        XCTAssertEqual(BenchmarkError.missingInput("missing corpus file x.tsv; pass --corpora DIR").description,
                       "missing corpus file x.tsv; pass --corpora DIR")
        XCTAssertNotEqual(BenchmarkError.badOption("a"), BenchmarkError.missingInput("a"))
    }
}
