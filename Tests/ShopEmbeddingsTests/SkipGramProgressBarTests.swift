import XCTest
@testable import ShopEmbeddings

final class SkipGramProgressBarTests: XCTestCase {
    func testLineShowsBarRateLossAndETA() {
        let p = TrainingProgress(processedWords: 500, totalWords: 1000, elapsed: 0.5, loss: 1.25, learningRate: 0.025)
        XCTAssertEqual(SkipGramProgressBar.line(p, final: false),
                       "embed [###############...............]  50.0%        1k words/s  loss 1.2500  lr 0.02500  ETA 0:01")
        XCTAssertTrue(SkipGramProgressBar.line(p, final: true).hasSuffix("ETA 0:00"))
        XCTAssertEqual(SkipGramProgressBar.clock(125.4), "2:05")
    }
}
