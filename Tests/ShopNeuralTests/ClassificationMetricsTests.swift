import XCTest
@testable import ShopNeural

final class ClassificationMetricsTests: XCTestCase {
    func testHandComputedFigures() {
        // gold:      0 0 0 1 1 2
        // predicted: 0 0 1 1 2 2
        let m = ClassificationMetrics(predicted: [0, 0, 1, 1, 2, 2], gold: [0, 0, 0, 1, 1, 2], numClasses: 3)
        XCTAssertEqual(m.confusion, [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
        XCTAssertEqual(m.accuracy, 4.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(m.precision, [1, 0.5, 0.5])
        XCTAssertEqual(m.recall[0], 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(m.recall[1], 0.5)
        XCTAssertEqual(m.recall[2], 1)
        let f0 = 2 * (2.0 / 3.0) / (1 + 2.0 / 3.0), f1 = 0.5, f2 = 2 * 0.5 / 1.5
        XCTAssertEqual(m.macroF1, (f0 + f1 + f2) / 3, accuracy: 1e-12)
        XCTAssertEqual(m.support, [3, 2, 1])
        XCTAssertTrue(m.report(labels: ["neg", "neu", "pos"]).contains("neg"))
    }

    func testAbsentClassIsLeftOutOfMacroAverage() {
        let m = ClassificationMetrics(predicted: [0, 1], gold: [0, 1], numClasses: 3)
        XCTAssertEqual(m.macroF1, 1)
    }

    func testMacroAverageIsOverTheGoldLabelSet() {
        // Class 2 is predicted once but never gold: it is not part of the macro average,
        // while gold class 1, never predicted, counts with F1 0.
        let m = ClassificationMetrics(predicted: [0, 0, 2, 0], gold: [0, 0, 0, 1], numClasses: 3)
        let f0 = 2 * (2.0 / 3.0) * (2.0 / 3.0) / (4.0 / 3.0)
        XCTAssertEqual(m.macroF1, (f0 + 0) / 2, accuracy: 1e-12)
    }
}
