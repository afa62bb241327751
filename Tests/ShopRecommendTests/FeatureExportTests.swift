import Foundation
import XCTest
@testable import ShopRecommend

/// What `recommend features` writes, and the comparison table and JSON fields of `recommend eval`.
final class FeatureExportTests: XCTestCase {
    func testWritesFeaturesAndTheThreeSummaries() throws {
        let dir = NSTemporaryDirectory() + "featureexport-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let features = [
            InteractionFeature(user: "u1", item: "i1", rating: 5, label: "positive", positive: 0.9, aspects: ["battery": "positive"]),
            InteractionFeature(user: "u1", item: "i2", rating: 1, label: "negative", positive: 0.2),
            InteractionFeature(user: "u2", item: "i1", rating: 4),
        ]
        let counts = try FeatureExport.write(features, to: dir + "/f.jsonl", alpha: 20)
        XCTAssertEqual(counts.items, 2)
        XCTAssertEqual(counts.users, 1) // summaries count reviews with text only
        XCTAssertEqual(try InteractionFeature.read(path: dir + "/f.jsonl"), features)
        let items = try String(contentsOfFile: dir + "/f.items.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(items.first, "item,reviews,mean_positive,share_positive,aspects")
        XCTAssertEqual(Array(items.dropFirst()), ["i1,1,0.9000,1.0000,battery:+1/-0", "i2,1,0.2000,0.0000,"])
        let confidence = try String(contentsOfFile: dir + "/f.confidence.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(confidence.count, 4)
        XCTAssertEqual(confidence.first, "user,item,confidence")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/f.users.csv"))
    }

    func testComparisonTableAndJSONFields() {
        var m = RankingMetrics()
        m.users = 7; m.recall = 0.25; m.ndcg = 0.125; m.coverage = 0.5
        let row = ComparisonRow(model: "popularity", all: m, sparse: m, trainSeconds: 0.01)
        let table = ComparisonTable.render([row], k: 10, sparseLimit: 3).split(separator: "\n")
        XCTAssertTrue(table[0].contains("Recall@10"))
        XCTAssertTrue(table[1].hasPrefix("popularity") && table[1].contains("0.2500") && table[1].contains("0.1250"), "\(table[1])")
        XCTAssertEqual(table.last, "(all users: 7; sparse = at most 3 training interactions)")
        let fields = m.jsonFields(k: 5)
        XCTAssertEqual(fields["recall@5"] as? Double, 0.25)
        XCTAssertEqual(fields["users"] as? Int, 7)
    }
}
