import XCTest
import ShopCore
@testable import ShopCopywriting

/// The diversity penalty's Chinese unit size (`--diversity-chars`).
final class PhraseUsageGramTests: XCTestCase {
    func testChineseGramsOfEverySizeAreTheWindows() {
        let t = "这款 连衣裙的设计很有质感。"
        let scalars = t.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value)
        for n in 1...5 {
            var expected = Set<UInt64>()
            for i in 0...(scalars.count - n) { expected.insert(FNV1a.hash64(units: scalars[i..<(i + n)]) & ~(1 << 63)) }
            XCTAssertEqual(PhraseUsage.grams(t, language: .zh, chineseGram: n), expected, "n = \(n)")
        }
    }

    func testPairPenaltyCountsSharedCharacterPairs() {
        var u = PhraseUsage(saturation: 1, chineseGram: 2)
        u.record("设计感", language: .zh)
        // 设计 is worn, 计很 is not: half of the pairs of 设计很.
        XCTAssertEqual(u.penalty("设计很", language: .zh), 0.5, accuracy: 1e-9)
        XCTAssertEqual(u.penalty("好看呀", language: .zh), 0)
        var four = PhraseUsage(saturation: 1)
        four.record("设计感", language: .zh)
        XCTAssertEqual(four.penalty("设计很", language: .zh), 0, "no 4-gram (nor the whole 3-character text) is shared")
    }
}
