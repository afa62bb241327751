import ShopCore
import Foundation
import XCTest
import ShopNeural
@testable import ShopSentiment

/// Version 3 model files are ModelArchives; files of the earlier SHOPSENT format (like the
/// shipped models) still load, and give the same predictions once re-saved.
final class SentimentModelFormatTests: XCTestCase {
    private let texts = ["物流很好", "The battery is terrible", "一般", "质量太差了，很失望", "Works perfectly, love it"]

    func testNewFilesAreModelArchivesThatRoundTrip() throws {
        let model = try ToyCorpus.model()
        let data = try SentimentModelFile.encode(model)
        let archive = try ModelArchive.decode(data, file: "toy.model")
        XCTAssertEqual(archive.kind, SentimentModelFile.archiveKind)
        XCTAssertEqual(try archive.bytes(named: "keys").count, model.vocabulary.count * 8)
        let back = try SentimentModelFile.decode(data, path: "toy.model")
        XCTAssertEqual(back.labels, model.labels)
        XCTAssertEqual(back.vocabulary.keys, model.vocabulary.keys)
        XCTAssertEqual(back.scorer.bias, model.scorer.bias)  // biases stay float32
        XCTAssertEqual(back.scorer.weights, model.scorer.weights.map { Float(Float16($0)) })
        XCTAssertEqual(back.info.command, model.info.command)
        XCTAssertEqual(back.info.seeds, model.info.seeds)
    }

    func testAnOldFormatFileLoadsAsTheNewOneDoes() throws {
        let model = try ToyCorpus.model()
        let old = try SentimentModelFile.decode(try LegacySentimentFile.encode(model), path: "old.model")
        let new = try SentimentModelFile.decode(try SentimentModelFile.encode(model), path: "new.model")
        XCTAssertEqual(old.vocabulary.keys, new.vocabulary.keys)
        XCTAssertEqual(old.scorer.weights, new.scorer.weights)
        for text in texts { XCTAssertEqual(old.predict(text), new.predict(text), text) }
    }

    /// The shipped models are archives (re-saved by `shopnlp model upgrade`); written in the
    /// earlier format (SHOPSENT v2) and read back, they predict the same, bit for bit.
    func testShippedModelsAreArchivesAndSurviveTheEarlierFormat() throws {
        for lang in ["zh", "en"] {
            let path = SentimentPaths.defaultModel(lang)
            guard FileManager.default.fileExists(atPath: path) else { return XCTFail("missing shipped model \(path)") }
            let head = try XCTUnwrap(FileHandle(forReadingAtPath: path)).readData(ofLength: 8)
            XCTAssertEqual([UInt8](head), ModelArchive.magic, "\(path) is expected to be a ModelArchive")
            let shipped = try SentimentModelFile.read(path)
            let resaved = try SentimentModelFile.decode(try LegacySentimentFile.encode(shipped), path: "legacy.model")
            XCTAssertEqual(resaved.scorer.weights, shipped.scorer.weights, lang)
            XCTAssertEqual(resaved.deep?.networks.count, shipped.deep?.networks.count, lang)
            for text in texts {
                XCTAssertEqual(resaved.predict(text).probabilities, shipped.predict(text).probabilities, "\(lang): \(text)")
            }
        }
    }

    /// Rewrites the header (app metadata) of a new-format file, as an attacker would; the
    /// archive's checksum is recomputed by re-encoding.
    private func forged(_ data: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var archive = try ModelArchive.decode(data, file: "x")
        var header = try XCTUnwrap(try JSONSerialization.jsonObject(with: archive.appMetadata) as? [String: Any])
        edit(&header)
        archive.appMetadata = try JSONSerialization.data(withJSONObject: header)
        return try archive.encoded()
    }

    func testForgedSizesAreRefusedBeforeAllocating() throws {
        let data = try SentimentModelFile.encode(try ToyCorpus.model())
        XCTAssertNoThrow(try SentimentModelFile.decode(try forged(data) { _ in }))
        for count in [1 << 61, Int.max, -1, 1 << 40, 3] {
            XCTAssertThrowsError(try SentimentModelFile.decode(try forged(data) { $0["featureCount"] = count })) { error in
                XCTAssertTrue("\(error)".contains("sizes do not match"), "\(error)")
            }
        }
        XCTAssertThrowsError(try SentimentModelFile.decode(try forged(data) { $0["outputs"] = 1 << 62 }))
        XCTAssertThrowsError(try SentimentModelFile.decode(try forged(data) { $0["deepBytes"] = [Int.max, Int.max] }))
        XCTAssertThrowsError(try SentimentModelFile.decode(try forged(data) { $0["version"] = 4 })) { error in
            XCTAssertTrue("\(error)".contains("sentiment format version 4"), "\(error)")
        }
    }

    func testOtherArchivesAreNotSentimentModels() throws {
        let other = try ModelArchive(kind: "TextClassifier", config: Data("{}".utf8)).encoded()
        XCTAssertThrowsError(try SentimentModelFile.decode(other, path: "other.model")) { error in
            XCTAssertEqual(error as? ModelArchiveError,
                           .wrongKind(file: "other.model", expected: SentimentModelFile.archiveKind, found: "TextClassifier"))
        }
    }
}
