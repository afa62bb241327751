import XCTest
@testable import ShopData

/// The shared option/parameter range check (issue 20: `-k 0`, `--lr 1e30`, `--c nan`,
/// `--dropout 2`, `--chunk 9223372036854775807` were all accepted).
final class NumericRangeTests: XCTestCase {
    func testIntegerBoundsAreInclusive() throws {
        let k = NumericRange<Int>(1...100_000)
        XCTAssertEqual(try k.parse("1"), 1)
        XCTAssertEqual(try k.parse("100000"), 100_000)
        XCTAssertThrowsError(try k.parse("0"))
        XCTAssertThrowsError(try k.parse("99999999999999"))
        XCTAssertThrowsError(try k.parse("9223372036854775807"))
        XCTAssertThrowsError(try k.parse("99999999999999999999999"))  // does not even fit Int
        XCTAssertThrowsError(try k.parse("ten"))
    }

    func testFloatingPointRejectsNonFiniteEvenWithoutUpperBound() {
        let reg = NumericRange<Float>.atLeast(0)
        XCTAssertEqual(try reg.parse("0"), 0)
        XCTAssertThrowsError(try reg.parse("-1"))
        XCTAssertThrowsError(try reg.parse("nan"))
        XCTAssertThrowsError(try reg.parse("inf"))
        XCTAssertThrowsError(try reg.parse("1e400"))  // overflows Float to +inf
    }

    func testOpenEnds() {
        let lr = NumericRange<Float>.above(0, atMost: 10)
        XCTAssertThrowsError(try lr.parse("0"))
        XCTAssertEqual(try lr.parse("10"), 10)
        XCTAssertThrowsError(try lr.parse("1e30"))
        let dropout = NumericRange<Double>.from(0, below: 1)
        XCTAssertEqual(try dropout.parse("0"), 0)
        XCTAssertThrowsError(try dropout.parse("1"))
        XCTAssertThrowsError(try dropout.parse("2"))
    }

    func testErrorAndHelpTextNameTheRange() {
        let k = NumericRange<Int>(1...10)
        XCTAssertEqual(k.description, "1…10")
        XCTAssertEqual(NumericRange<Int>.atLeast(0).description, "≥ 0")
        XCTAssertEqual(NumericRange<Double>.from(0, below: 1).description, "≥ 0.0 and < 1.0")
        do { _ = try k.parse("0"); XCTFail("accepted 0") } catch {
            XCTAssertEqual(error.description, "0 is out of range; expected 1…10")
        }
    }
}
