import Foundation
import XCTest
import ShopData
@testable import ShopSentiment

/// `--id-field`: each output line carries its record's id, so results join back by id.
final class RecordIDTests: XCTestCase {
    static let model = try! ToyCorpus.model()

    func lines(_ s: String) -> [[String: Any]] {
        s.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    func tag(_ text: String, idField: String?, emptyText: EmptyTextPolicy = .keep) throws -> (out: [[String: Any]], errors: [[String: Any]]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recid-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("in.jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = try RecordReader(.file(path), options: RecordReaderOptions(format: .jsonl, textField: .name("text"),
                                                                                     emptyText: emptyText))
        let tagger = RecordTagger(chooser: ModelChooser(model: Self.model),
                                  options: TagOptions(chunkSize: 2, workers: 2, idField: idField))
        var out = "", errors = ""
        _ = try TagPipeline(tagger: tagger, next: reader.next, write: { out += $0 }, writeError: { errors += $0 }).run()
        return (lines(out), lines(errors))
    }

    func testIdsAreCarriedIntoResultsAndErrors() throws {
        let input = """
        {"id":"r-9","text":"质量很好，非常满意"}
        {"id":17,"text":"太差了"}
        {"text":"没有编号的评论"}
        {"id":"e\\"1","text":"  "}
        {"id":"r-2","text":"物流很好，非常满意"}

        """
        let r = try tag(input, idField: "id")
        XCTAssertEqual(r.out.count, 5, "one output line per record")
        XCTAssertEqual(r.out.map { $0["id"] as? String }, ["r-9", "17", nil, "e\"1", "r-2"])
        XCTAssertEqual(r.out.map { $0["label"] as? String }, ["positive", "negative", nil, nil, "positive"])
        XCTAssertTrue((r.out[2]["error"] as? String ?? "").contains("id"), "a record without an id is an error: \(r.out[2])")
        XCTAssertNotNil(r.out[3]["error"])
        XCTAssertEqual(r.errors.map { $0["line"] as? Int }, [3, 4])
        XCTAssertEqual(r.errors.map { $0["id"] as? String }, [nil, "e\"1"])
    }

    /// A record the reader refuses (here: empty text under the CLI's policy) has no parsed
    /// fields, so no id: its line still says which record it was.
    func testRefusedRecordKeepsItsLine() throws {
        let r = try tag("{\"id\":\"a\",\"text\":\"质量很好\"}\n{\"id\":\"b\",\"text\":\" \"}\n", idField: "id", emptyText: .error)
        XCTAssertEqual(r.out.map { $0["id"] as? String }, ["a", nil])
        XCTAssertEqual(r.out.map { $0["line"] as? Int }, [1, 2])
        XCTAssertNotNil(r.out[1]["error"])
    }

    func testWithoutIdFieldOutputIsUnchanged() throws {
        let r = try tag("{\"id\":\"a\",\"text\":\"质量很好\"}\n", idField: nil)
        XCTAssertNil(r.out[0]["id"])
        XCTAssertEqual(r.out[0]["line"] as? Int, 1)
    }
}
