import Foundation
import XCTest
import ShopData
@testable import ShopSentiment

/// The manifest `sentiment train` writes, and where the sentiment commands look for files.
final class SentimentManifestTests: XCTestCase {
    func testManifestWritesSortedJSONThatReadsBack() throws {
        let dir = NSTemporaryDirectory() + "sentmanifest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let manifest = SentimentManifest(model: "m.model", bytes: 12, checksum: "fnv1a64:00000000000000ff", format: "SHOPSENT v3",
                                         labels: ["negative", "positive"], features: FeatureOptions(order: 2),
                                         featureCount: 99, info: ModelInfo(language: "zh"), metrics: [:],
                                         rebuild: "scripts/shopnlp sentiment train --out a/b.model")
        let path = dir + "/m.manifest.json"
        try manifest.write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"rebuild\" : \"scripts/shopnlp sentiment train --out a/b.model\""), text) // slashes unescaped
        XCTAssertLessThan(try XCTUnwrap(text.range(of: "\"bytes\"")).lowerBound, try XCTUnwrap(text.range(of: "\"checksum\"")).lowerBound)
        let back = try JSONDecoder().decode(SentimentManifest.self, from: Data(text.utf8))
        XCTAssertEqual(back.featureCount, 99)
        XCTAssertEqual(back.features, FeatureOptions(order: 2))
        XCTAssertEqual(back.info.language, "zh")
    }

    func testDataFileFallsBackToTheCorporaFolder() throws {
        let root = NSTemporaryDirectory() + "sentpaths-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/set", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try AtomicFile.write("1\tok\n", to: root + "/set/train.tsv")
        XCTAssertEqual(SentimentPaths.dataFile("set/train.tsv", corpora: root), root + "/set/train.tsv")
        XCTAssertEqual(SentimentPaths.dataFile("set/missing.tsv", corpora: root), "set/missing.tsv")
        XCTAssertEqual(SentimentPaths.dataFile("/abs/x.tsv", corpora: root), "/abs/x.tsv")
        XCTAssertTrue(SentimentPaths.defaultModel("en").hasSuffix("Models/sentiment-en.model"))
    }
}
