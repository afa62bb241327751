import Foundation
import XCTest
import ShopCore
@testable import ShopCopywriting

/// The ranking-LM recipe behind `describe --train-lm`, on a handful of texts, and the
/// loader `describe` and its benchmark share.
final class CopyLMRecipeTests: XCTestCase {
    func testTrainsSavesAndDescribesOneLanguageModel() throws {
        let dir = NSTemporaryDirectory() + "copylm-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let texts = (0..<24).map { "soft cotton shirt number \($0 % 6) keeps you cool and dry all day" }
        let entry = try CopyLMRecipe.train(language: .en, texts: texts, dev: Array(texts.prefix(3)), output: dir, epochs: 1, seed: 1,
                                           alpha: CopyLMRecipe.defaultSelfNormalisation, source: "test texts")
        XCTAssertEqual(entry["file"] as? String, "copy-lm-en.snm")
        XCTAssertEqual(entry["training_texts"] as? Int, 24)
        XCTAssertEqual((entry["epochs"] as? [[String: Any]])?.count, 1)
        let path = dir + "/copy-lm-en.snm"
        XCTAssertEqual(entry["bytes"] as? Int, (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        // The saved file is what the shared loader reads back.
        let scorer = try XCTUnwrap(try DescribeModelLoader.load(explicit: path))
        XCTAssertEqual(scorer.models.keys.map(\.rawValue), ["en"])
        // Self-normalised by default, and the manifest says how near 0 log Z is on dev.
        XCTAssertEqual(scorer.models[.en]?.model.config.selfNormalisation, CopyLMRecipe.defaultSelfNormalisation)
        XCTAssertEqual(entry["self_normalisation"] as? Double, Double(CopyLMRecipe.defaultSelfNormalisation))
        let z = try XCTUnwrap(entry["dev_log_normaliser"] as? [String: Any])
        XCTAssertGreaterThan(z["tokens"] as? Int ?? 0, 0)
        XCTAssertNotNil(z["sd"] as? Double)
        XCTAssertTrue(DescribeModelLoader.defaultPath(.zh).hasSuffix("Models/copy-lm-zh.snm"))
    }
}
