import Foundation
import XCTest
import ShopData
@testable import ShopSentiment

final class TagPipelineTests: XCTestCase {
    static let model = try! ToyCorpus.model()

    func tempFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("senti-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Input lines: good reviews alternating in polarity, one invalid UTF-8 line, one empty line.
    func makeInput() throws -> (path: String, good: Int) {
        var bytes: [UInt8] = []
        var good = 0
        for i in 1...40 {
            if i == 7 { bytes += [0x61, 0xFF, 0xFE, 0x0A]; continue }   // invalid UTF-8 on line 7
            if i == 13 { bytes += [0x20, 0x0A]; continue }              // empty text on line 13
            bytes += Array((i % 2 == 0 ? "review \(i) 物流很好，非常满意\n" : "review \(i) 质量太差了\n").utf8)
            good += 1
        }
        return (try tempFile("in.txt", bytes), good)
    }

    func run(_ input: String, skip: Int = 0, chunk: Int = 3, workers: Int = 2,
             aspects: AspectExtractor? = nil) throws -> (out: String, errors: String, summary: TagPipeline.Summary) {
        let reader = try RecordReader(.file(input), options: RecordReaderOptions(format: .text, stripHTML: true))
        let tagger = RecordTagger(chooser: ModelChooser(model: Self.model),
                                  options: TagOptions(explain: true, aspects: aspects != nil, chunkSize: chunk, workers: workers),
                                  aspects: aspects)
        var out = "", errors = ""
        let summary = try TagPipeline(tagger: tagger, next: reader.next, write: { out += $0 },
                                      writeError: { errors += $0 }, skip: skip).run()
        return (out, errors, summary)
    }

    func lines(_ s: String) -> [[String: Any]] {
        s.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    func testOrderLabelsErrorsAndSummary() throws {
        let (input, good) = try makeInput()
        let r = try run(input)
        let objs = lines(r.out)
        XCTAssertEqual(objs.count, 40, "one output line per input record")
        XCTAssertEqual(objs.map { $0["line"] as? Int }, (1...40).map { $0 })
        for o in objs {
            guard let line = o["line"] as? Int else { return XCTFail("no line") }
            if line == 7 || line == 13 {
                XCTAssertNotNil(o["error"])
                XCTAssertNil(o["label"])
            } else {
                XCTAssertEqual(o["label"] as? String, line % 2 == 0 ? "positive" : "negative", "line \(line)")
                XCTAssertNotNil(o["score"] as? Double)
                XCTAssertNotNil(o["tokens"] as? [[String: Any]])
            }
        }
        let errs = lines(r.errors)
        XCTAssertEqual(errs.map { $0["line"] as? Int }, [7, 13])
        XCTAssertEqual(errs.map { $0["record"] as? Int }, [6, 12])
        XCTAssertTrue((errs[0]["reason"] as? String ?? "").lowercased().contains("utf-8"), "\(errs[0])")
        XCTAssertEqual(r.summary.records, 40)
        XCTAssertEqual(r.summary.errors, 2)
        XCTAssertEqual((r.summary.perLabel["positive"] ?? 0) + (r.summary.perLabel["negative"] ?? 0), good)
    }

    func testSameOutputWithOneWorkerAndOtherChunks() throws {
        let (input, _) = try makeInput()
        XCTAssertEqual(try run(input, chunk: 1, workers: 1).out, try run(input, chunk: 64, workers: 3).out)
    }

    func testResumeAfterInterruptionNeitherLosesNorDuplicates() throws {
        let (input, _) = try makeInput()
        let full = try run(input)
        // An interrupted run: the first 17 complete lines and half of the 18th.
        let fullLines = full.out.split(separator: "\n", omittingEmptySubsequences: false)
        let partial = fullLines[0..<17].joined(separator: "\n") + "\n" + fullLines[17].prefix(9)
        let outPath = try tempFile("out.jsonl", Array(partial.utf8))
        // The errors file of that run holds both errors; resuming keeps only the one before record 17.
        let errPath = try tempFile("errors.jsonl", Array(full.errors.utf8))

        let skip = try ResumableOutput.prepare(outPath)
        XCTAssertEqual(skip, 17)
        try ResumableOutput.trimErrors(errPath, keepBelow: skip)
        let resumed = try run(input, skip: skip)
        XCTAssertEqual(resumed.summary.skipped, 17)
        XCTAssertEqual(resumed.summary.records, 23)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: outPath))
        handle.seekToEndOfFile()
        handle.write(Data(resumed.out.utf8))
        try handle.close()
        XCTAssertEqual(try String(contentsOfFile: outPath, encoding: .utf8), full.out)
        let errorsAfter = try String(contentsOfFile: errPath, encoding: .utf8) + resumed.errors
        XCTAssertEqual(errorsAfter, full.errors)
    }

    func testResumeOnMissingOrCompleteOutput() throws {
        XCTAssertEqual(try ResumableOutput.prepare("/nonexistent/senti/out.jsonl"), 0)
        let p = try tempFile("complete.jsonl", Array("{}\n{}\n".utf8))
        XCTAssertEqual(try ResumableOutput.prepare(p), 2)
        XCTAssertEqual(try String(contentsOfFile: p, encoding: .utf8), "{}\n{}\n")
    }

    func testBrokenJSONLinesAreReportedWithLineNumbers() throws {
        let text = "{\"text\":\"质量很好，非常满意\"}\n{\"text\": broken\n{\"other\":1}\n{\"text\":\"太差了\"}\n"
        let path = try tempFile("in.jsonl", Array(text.utf8))
        let reader = try RecordReader(.file(path), options: RecordReaderOptions(format: .jsonl, textField: .name("text")))
        let tagger = RecordTagger(chooser: ModelChooser(model: Self.model), options: TagOptions(chunkSize: 2))
        var out = "", errors = ""
        let s = try TagPipeline(tagger: tagger, next: reader.next, write: { out += $0 }, writeError: { errors += $0 }).run()
        XCTAssertEqual(lines(out).map { $0["line"] as? Int }, [1, 2, 3, 4])
        XCTAssertEqual(lines(out).map { $0["label"] as? String }, ["positive", nil, nil, "negative"])
        XCTAssertEqual(lines(errors).map { $0["line"] as? Int }, [2, 3])
        XCTAssertEqual(s.errors, 2)
    }
}
