import Foundation
import XCTest
import ShopNeural

/// The `bench train` report, built from a tiny real run.
final class TrainingBenchmarkReportTests: XCTestCase {
    func testReportNamesTheShapeAndEndsWithParsableJSON() throws {
        var b = TrainingBenchmark()
        b.network.vocabSize = 50; b.network.embedDim = 8; b.network.hiddenSize = 4; b.network.attentionSize = 4
        b.batchSize = 4; b.network.maxLength = 6; b.trainSteps = 1; b.inferenceBatchSize = 4; b.inferenceBatches = 1
        let lines = b.report(b.run(), json: true)
        XCTAssertEqual(lines.first, "shape: vocab 50, embed 8, hidden 4×2, attention 4, batch 4, seq-len 6")
        XCTAssertTrue(lines[1].contains("lazy sparse Adam, 1 steps"), lines[1])
        let json = try XCTUnwrap(lines.last)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["seq_len"] as? Int, 6)
        XCTAssertEqual(object["dense_adam"] as? Bool, false)
        XCTAssertEqual(b.report(b.run(), json: false).count, lines.count - 1)
    }
}
