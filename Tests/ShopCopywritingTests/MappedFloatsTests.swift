@testable import ShopCopywriting
import XCTest

final class MappedFloatsTests: XCTestCase {
    func testFreshStorageReadsZeroAndKeepsWhatIsWritten() {
        // Several pages, so that untouched pages between written ones are read too.
        let n = 5 * 4096 + 3
        let m = MappedFloats(count: n)
        XCTAssertEqual(m.count, n)
        for i in stride(from: 0, to: n, by: 997) { XCTAssertEqual(m.base[i], 0) }
        for i in stride(from: 0, to: n, by: 2) { m.base[i] = Float(i) }
        for i in 0..<n { XCTAssertEqual(m.base[i], i % 2 == 0 ? Float(i) : 0, "float \(i)") }
    }

    func testGrowingKeepsTheOldValuesAndReadsZeroPastThem() {
        let m = MappedFloats(count: 100)
        for i in 0..<100 { m.base[i] = Float(i) + 0.5 }
        m.grow(to: 50)
        XCTAssertEqual(m.count, 100, "never shrinks")
        m.grow(to: 70_000)
        XCTAssertEqual(m.count, 70_000)
        for i in 0..<100 { XCTAssertEqual(m.base[i], Float(i) + 0.5) }
        for i in 100..<70_000 { XCTAssertEqual(m.base[i], 0, "float \(i)") }
        m.base[69_999] = 7
        XCTAssertEqual(m.base[69_999], 7)
    }
}
