import Foundation
import ShopCore
import XCTest
@testable import ShopNeural

/// Models are built for loading without drawing initial weights (`SeededRandom.forLoadedWeights`)
/// and their metadata is cut from the file rather than re-serialised (`JSONObjectSpans`):
/// loading must still give the saved model, bit for bit.
final class LoadedWeightsTests: XCTestCase {
    private let dir = NSTemporaryDirectory() + "loaded-weights-\(ProcessInfo.processInfo.processIdentifier)"

    override func setUp() { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testAPlaceholderGeneratorDrawsNoNormalsButStillDrawsUniforms() {
        var placeholder = SeededRandom.forLoadedWeights
        XCTAssertEqual((0..<100).map { _ in placeholder.normal() }, [Float](repeating: 0, count: 100))
        var seeded = SeededRandom(seed: 3)
        XCTAssertTrue((0..<100).contains { _ in seeded.normal() != 0 })
        XCTAssertTrue((0..<100).contains { _ in placeholder.nextFloat() != 0 })
    }

    func testAPlaceholderGeneratorLeavesUniformWeightsAtZero() {
        let weights = Parameter(name: "w", rows: 4, cols: 8)
        var placeholder = SeededRandom.forLoadedWeights
        weights.initUniform(0.5, rng: &placeholder)
        XCTAssertEqual(weights.value, [Float](repeating: 0, count: 32))
        var seeded = SeededRandom(seed: 3)
        weights.initUniform(0.5, rng: &seeded)
        XCTAssertTrue(weights.value.contains { $0 != 0 } && weights.value.allSatisfy { abs($0) <= 0.5 })
    }

    func testALoadedLanguageModelIsTheSavedOne() throws {
        let config = LanguageModelConfig(vocabSize: 40, embedDim: 8, hiddenSize: 16, seed: 5)
        let model = LSTMLanguageModel(config: config)
        let path = dir + "/lm.snm"
        try model.save(to: path, metadata: ["vocabulary": (0..<40).map { "w\($0)" }])
        let (loaded, meta) = try LSTMLanguageModel.load(from: path, metadata: [String: [String]].self)
        XCTAssertEqual(meta["vocabulary"]?.count, 40)
        XCTAssertEqual(loaded.config, model.config)
        for (a, b) in zip(model.parameters, loaded.parameters) {
            XCTAssertEqual(a.value.map(\.bitPattern), b.value.map(\.bitPattern), a.name)
        }
        // A freshly built model is not all zeros: the placeholder is used only for loading.
        XCTAssertTrue(model.embedding.weight.value.contains { $0 != 0 })
        XCTAssertEqual(LSTMLanguageModel(config: config).embedding.weight.value, model.embedding.weight.value)
    }

    /// Every shipped model file: the config and app metadata read from the file are the
    /// JSON the whole metadata object holds for them (what loading used to re-serialise).
    func testShippedModelsMetadataIsTheWholeObjectsParts() throws {
        let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models").path
        let files = try FileManager.default.contentsOfDirectory(atPath: models).filter { $0.hasSuffix(".snm") || $0.hasSuffix(".model") }
        var checked = 0
        for name in files.sorted() {
            let data = try Data(contentsOf: URL(fileURLWithPath: models + "/" + name))
            guard data.starts(with: ModelArchive.magic) else { continue }
            let archive = try ModelArchive.decode(data, file: name)
            // The metadata block: after magic, version, flags, total size and its own length.
            let count = Int(data[24..<32].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self).littleEndian })
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data[32..<(32 + count)]) as? [String: Any])
            for (key, part) in [("config", archive.config), ("app", archive.appMetadata)] {
                let expected = try object[key].map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
                    ?? Data("{}".utf8)
                let got = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: part, options: [.fragmentsAllowed]),
                                                     options: [.sortedKeys, .fragmentsAllowed])
                XCTAssertEqual(got, expected, "\(name) \(key)")
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 5, "shipped model files found in \(models)")
    }
}
