import XCTest
@testable import ShopCopywriting

final class QualityTests: XCTestCase {
    func testCoverage() {
        let attrs = [ProductAttribute(key: "类型", value: "裙"), ProductAttribute(key: "材质", value: "蕾丝"), ProductAttribute(key: "颜色", value: "黑色")]
        XCTAssertEqual(AttributeCoverage.of("这条黑色裙子", attributes: attrs), 2.0 / 3, accuracy: 1e-9)
    }

    func testDistinctAndBLEU() {
        XCTAssertEqual(Distinctness.distinct(["a b a b"], n: 2, language: .en), 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(BLEU.corpus(candidates: ["the cat sat on the mat"], references: ["the cat sat on the mat"], language: .en), 1, accuracy: 1e-9)
        let partial = BLEU.corpus(candidates: ["the cat sat on a mat today"], references: ["the cat sat on the mat"], language: .en)
        XCTAssertGreaterThan(partial, 0)
        XCTAssertLessThan(partial, 1)
        XCTAssertEqual(BLEU.corpus(candidates: ["x y"], references: ["a b c d e"], language: .en), 0)
    }

    func testSplitIsDeterministicAndSized() {
        let a = DeterministicSplit(count: 1070), b = DeterministicSplit(count: 1070)
        XCTAssertEqual(a.heldOut, b.heldOut)
        XCTAssertEqual(a.heldOut.count, 214)
        XCTAssertNotEqual(a.heldOut, DeterministicSplit(count: 1070, seed: 2).heldOut)
    }

    func testRepetition() {
        XCTAssertEqual(TextStatistics.repetition("好看好看好看", language: .zh), 3.0 / 5, accuracy: 1e-9)
        XCTAssertEqual(TextStatistics.repetition("这件衬衫很好看", language: .zh), 0)
    }
}
