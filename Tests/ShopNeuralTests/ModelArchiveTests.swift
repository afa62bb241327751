import ShopCore
import XCTest
@testable import ShopNeural

final class ModelArchiveTests: XCTestCase {
    var dir: String!

    override func setUp() {
        dir = NSTemporaryDirectory() + "shopneural-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    struct AppMeta: Codable, Equatable { var vocabulary: [String]; var labels: [String]; var lowercase: Bool }

    func smallModel() -> TextClassifier {
        TextClassifier(config: TextClassifierConfig(vocabSize: 30, numClasses: 3, embedDim: 6, hiddenSize: 5,
                                                    attentionSize: 4, wideBuckets: 17, wideDim: 3, seed: 9))
    }

    func testClassifierRoundTripFloat32IsExact() throws {
        let model = smallModel()
        let meta = AppMeta(vocabulary: ["<pad>", "<unk>", "好", "great"], labels: ["neg", "neu", "pos"], lowercase: true)
        let path = dir + "/m.snm"
        try model.save(to: path, metadata: meta)
        let (loaded, loadedMeta) = try TextClassifier.load(from: path, metadata: AppMeta.self)
        XCTAssertEqual(loadedMeta, meta)
        XCTAssertEqual(loaded.config, model.config)
        for (a, b) in zip(model.parameters, loaded.parameters) { XCTAssertEqual(a.value, b.value, a.name) }
        let batch: [[Int32]] = [[3, 4, 5], [7]]
        let wide: [[Int32]] = [[1, 2], [16]]
        let p1 = model.predict(batch: batch, wide: wide), p2 = loaded.predict(batch: batch, wide: wide)
        for (x, y) in zip(p1, p2) { XCTAssertEqual(x.probabilities, y.probabilities); XCTAssertEqual(x.attention, y.attention) }
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["m.snm"])
    }

    func testFloat16IsSmallerAndClose() throws {
        let model = smallModel()
        let p32 = dir + "/a.snm", p16 = dir + "/b.snm"
        try model.save(to: p32)
        try model.save(to: p16, storage: .float16)
        let s32 = try FileManager.default.attributesOfItem(atPath: p32)[.size] as! Int
        let s16 = try FileManager.default.attributesOfItem(atPath: p16)[.size] as! Int
        XCTAssertLessThan(Double(s16), 0.6 * Double(s32))
        let loaded = try TextClassifier.load(from: p16)
        for (a, b) in zip(model.parameters, loaded.parameters) {
            for (x, y) in zip(a.value, b.value) { XCTAssertEqual(x, y, accuracy: 1e-3 * max(1, abs(x))) }
        }
    }

    func testCorruptedTruncatedWrongVersionAndWrongKindFailClearly() throws {
        let path = dir + "/m.snm"
        try smallModel().save(to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))

        func expect(_ data: Data, _ check: (ModelArchiveError) -> Bool, _ what: String) throws {
            let p = dir + "/bad.snm"
            try data.write(to: URL(fileURLWithPath: p))
            do {
                _ = try TextClassifier.load(from: p)
                XCTFail("\(what): loaded a bad file")
            } catch let e as ModelArchiveError {
                XCTAssertTrue(check(e), "\(what): wrong error \(e)")
                XCTAssertTrue(e.description.contains(p), "\(what): message must name the file: \(e)")
            }
        }
        try expect(good.prefix(good.count / 2), { if case .truncated = $0 { return true }; return false }, "truncated")
        try expect(good.prefix(5), { if case .notAModelFile = $0 { return true }; return false }, "tiny")
        var flipped = good; flipped[good.count / 2] ^= 0x40
        try expect(flipped, { $0 == .checksumMismatch(file: self.dir + "/bad.snm") }, "flipped bit")
        var version = good; version[8] = 99
        try expect(version, { if case .unsupportedVersion(_, 99, 2) = $0 { return true }; return false }, "version")
        var magic = good; magic[0] = UInt8(ascii: "X")
        try expect(magic, { if case .notAModelFile = $0 { return true }; return false }, "magic")
        try expect(good + Data([0]), { if case .malformed = $0 { return true }; return false }, "trailing byte")

        // A language model file is not a classifier.
        let lmPath = dir + "/lm.snm"
        try LSTMLanguageModel(config: LanguageModelConfig(vocabSize: 10, embedDim: 3, hiddenSize: 3)).save(to: lmPath)
        XCTAssertThrowsError(try TextClassifier.load(from: lmPath)) { e in
            guard case .wrongKind = e as? ModelArchiveError else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try TextClassifier.load(from: dir + "/missing.snm")) { e in
            guard case .cannotRead = e as? ModelArchiveError else { return XCTFail("\(e)") }
        }
    }

    func testConfigThatDisagreesWithTensorsIsRejectedBeforeAllocating() throws {
        let model = smallModel()
        var config = model.config
        config.vocabSize = 1 << 40  // would be terabytes if trusted
        var archive = ModelArchive(kind: TextClassifier.archiveKind, config: try JSONEncoder().encode(config))
        for p in model.parameters { archive.add(p) }
        let path = dir + "/lies.snm"
        try archive.write(to: path)
        XCTAssertThrowsError(try TextClassifier.load(from: path)) { e in
            guard case .shapeMismatch(let f, "embedding.weight", _, _) = e as? ModelArchiveError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, path)
        }
    }

    func testOverwriteKeepsOldFileUntilRename() throws {
        let path = dir + "/m.snm"
        try smallModel().save(to: path)
        let other = TextClassifier(config: TextClassifierConfig(vocabSize: 30, numClasses: 3, embedDim: 6, hiddenSize: 5,
                                                                attentionSize: 4, wideBuckets: 17, wideDim: 3, seed: 10))
        try other.save(to: path)
        let loaded = try TextClassifier.load(from: path)
        XCTAssertEqual(loaded.output.weight.value, other.output.weight.value)
    }
}
