import Foundation
import XCTest
import ShopData
@testable import ShopSentiment

/// `sentiment train` as a library call: files in, a model and its manifest out.
final class SentimentTrainingRunTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "senttrainrun-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// The toy corpus as a `label<TAB>text` file.
    private func writeTrain(_ name: String = "train.tsv", count: Int = 400) throws -> String {
        let path = dir + "/" + name
        try AtomicFile.write(ToyCorpus.examples(count: count).map { "\($0.label)\t\($0.text)" }.joined(separator: "\n") + "\n", to: path)
        return path
    }

    /// A fast n-gram-only run writing into the test folder.
    private func smallRun(train: [String], lines: UncheckedLines) -> SentimentTrainingRun {
        var run = SentimentTrainingRun(train: train, out: dir + "/m.model")
        run.language = "en"
        run.order = 2; run.hanOrder = 3; run.wordOrder = 0
        run.minCount = 1; run.seeds = 1
        run.hyper = LinearHyperParameters(epochs: 3, learningRate: 0.3, l2: 1e-5)
        run.deepEpochs = 0
        run.log = { lines.append($0) }
        return run
    }

    func testWritesAModelAndManifestThatReadBack() throws {
        let lines = UncheckedLines()
        var run = smallRun(train: [try writeTrain()], lines: lines)
        run.writeText = dir + "/used.txt"
        run.arguments = ["train", "--out", "a b.model"]
        try run.run()

        let model = try SentimentModelFile.read(dir + "/m.model")
        XCTAssertEqual(model.labels, ["negative", "positive"])
        XCTAssertEqual(model.info.command, "shopnlp sentiment train --out 'a b.model'")
        XCTAssertEqual(model.predict("The battery is great.").label, "positive")
        XCTAssertEqual(model.predict("The screen is awful.").label, "negative")
        // No dev file: every choice was made on a held-out tenth of train, and the log says so.
        XCTAssertTrue(lines.all.contains { $0.hasPrefix("no --dev: held-out 10% of train") }, lines.all.joined(separator: "\n"))
        XCTAssertTrue(model.info.selection?.hasPrefix("held-out 10% of train") ?? false)

        let manifest = try JSONDecoder().decode(SentimentManifest.self,
                                                from: Data(contentsOf: URL(fileURLWithPath: run.manifestPath)))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/m.model"))
        XCTAssertEqual(manifest.bytes, bytes.count)
        XCTAssertEqual(manifest.checksum, String(format: "fnv1a64:%016llx", SentimentModelFile.checksum(bytes)))
        XCTAssertEqual(manifest.featureCount, model.vocabulary.count)
        XCTAssertEqual(manifest.rebuild, model.info.command)
        XCTAssertNotNil(manifest.metrics["dev"])
        // The texts written are those left after dropping twins (before the held-out split);
        // the model was fitted on the other 90% of them.
        let used = try String(contentsOfFile: dir + "/used.txt", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(used.count, 400)
        XCTAssertLessThan(model.info.trainExamples, 400)
        XCTAssertGreaterThan(model.info.trainExamples, 300)
    }

    func testTrainingTextsWithATwinInDevAreDropped() throws {
        let train = try writeTrain()
        // Dev: the same texts in another case and spacing are twins of every training text.
        let dev = dir + "/dev.tsv"
        try AtomicFile.write(ToyCorpus.examples(count: 400).map { "\($0.label)\t  \($0.text.uppercased())" }.joined(separator: "\n") + "\n", to: dev)
        let lines = UncheckedLines()
        var run = smallRun(train: [train], lines: lines)
        run.dev = [dev]
        XCTAssertThrowsError(try run.run()) { error in
            XCTAssertTrue("\(error)".contains("every training example has a normalised twin in --dev/--test"), "\(error)")
        }
        XCTAssertTrue(lines.all.contains("dropped 400 of 400 training examples with a normalised twin in --dev/--test"),
                      lines.all.joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/m.model"))
    }
}

/// Log lines collected from the run (locked: training may log from a worker thread).
final class UncheckedLines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
}
