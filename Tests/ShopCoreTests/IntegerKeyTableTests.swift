@testable import ShopCore
import XCTest

final class IntegerKeyTableTests: XCTestCase {
    /// Random sets and lookups answer as a dictionary does, through growth and emptying,
    /// with keys that collide in the low bits and the key that marks a free slot.
    func testTableAnswersAsADictionary() {
        var rng = SplitMix64(seed: 41)
        var table = IntegerKeyTable(minimumCapacity: 2)
        var dict: [UInt64: Int32] = [:]
        let special: [UInt64] = [0, 1, UInt64.max, UInt64.max - 1, 1 << 63]
        for round in 0..<3 {
            for i in 0..<6_000 {
                let key: UInt64 = i % 11 == 0 ? special[rng.below(special.count)]
                    : i % 3 == 0 ? UInt64(rng.below(64)) << 40 : UInt64(rng.below(1 << 30)) &* 0x1_0000_0001
                XCTAssertEqual(table[key], dict[key], "round \(round), step \(i)")
                if rng.below(2) == 0 {
                    let value = Int32(rng.below(1000))
                    XCTAssertEqual(table.set(key, value), dict[key], "the value replaced")
                    dict[key] = value
                }
            }
            XCTAssertEqual(table.count, dict.count)
            for (k, v) in dict { XCTAssertEqual(table[k], v) }
            table.removeAll()
            dict.removeAll()
            XCTAssertEqual(table.count, 0)
            for k in special { XCTAssertNil(table[k]) }
        }
    }
}
