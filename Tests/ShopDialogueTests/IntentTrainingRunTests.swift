import Foundation
import Testing
@testable import ShopDialogue

/// `intent train` as a library call: TSV files in, a model (and manifest) out, eval lines through `output`.
@Suite struct IntentTrainingRunTests {
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "intenttrainrun-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func trainsWritesScoresAndRecordsHow() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tsv = dir + "/train.tsv"
        try (IntentModelTests.data.map { "\($0.intent)\t\($0.text)" }.joined(separator: "\n") + "\n")
            .write(toFile: tsv, atomically: true, encoding: .utf8)
        var run = IntentTrainingRun(out: dir + "/m.model")
        run.trainFiles = [tsv]
        run.dev = tsv
        run.deepEpochs = 0
        run.evalFiles = [tsv]
        run.manifest = dir + "/m.manifest.json"
        run.command = "intent train --train t.tsv"
        let lines = LogLines()
        run.log = { lines.add("log: " + $0) }
        run.output = { lines.add("out: " + $0) }
        try run.run()

        let model = try IntentModelFile.load(dir + "/m.model")
        #expect(model.classify("refund please").intent == "refund")
        #expect(model.info["data"] == tsv && model.info["deep_epochs"] == "0" && model.info["char_max"] == "5")
        #expect(lines.all.contains { $0.hasPrefix("log: 40 examples, 4 labels, ") && $0.hasSuffix("; wrote \(dir)/m.model") }, "\(lines.all)")
        #expect(lines.all.contains { $0.hasPrefix("out: eval \(tsv): accuracy ") }, "\(lines.all)")
        let manifest = try String(contentsOfFile: dir + "/m.manifest.json", encoding: .utf8)
        #expect(manifest.contains("scripts/shopnlp intent train --train t.tsv") && manifest.contains("\"format_version\""), "\(manifest)")
    }

    @Test func noExampleIsItsOwnError() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "\n".write(toFile: dir + "/empty.tsv", atomically: true, encoding: .utf8)
        var run = IntentTrainingRun(out: dir + "/m.model")
        run.trainFiles = [dir + "/empty.tsv"]
        #expect(throws: IntentTrainingRun.NoExamples.self) { try run.run() }
        #expect(!FileManager.default.fileExists(atPath: dir + "/m.model"))
    }
}

/// Lines collected from the run's callbacks (locked: training may log from worker threads).
final class LogLines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
}
