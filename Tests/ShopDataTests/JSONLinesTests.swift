import XCTest
@testable import ShopData

final class JSONLinesTests: XCTestCase {
    func testFieldsBrokenLineAndStreamGoesOn() throws {
        let tmp = try TempFiles()
        let lines = [
            #"{"overall": 5.0, "verified": true, "reviewText": "Nice \"soap\" \u00e9\ud83d\ude00", "style": {"Size:": " 7 oz"}, "image": ["a", "b"], "vote": null}"#,
            #"{"overall": 1.0, "reviewText": "broken"#,
            "",
            #"{"overall": 3, "summary": "no text field"}"#,
            #"{"overall": 4.0, "reviewText": "ok\nfine", "n": -1.5e3}"#,
            #"["not", "an", "object"]"#,
        ]
        let path = try tmp.write("r.jsonl", lines.joined(separator: "\n"))
        let (records, errors) = try RecordReader(path: path, options: .init(format: .jsonl, textField: .name("reviewText"),
                                                                            labelField: .name("overall"))).readAll()
        XCTAssertEqual(records.map(\.line), [1, 5])
        XCTAssertEqual(records[0].text, "Nice \"soap\" é😀")
        XCTAssertEqual(records[0].label, "5.0")
        XCTAssertEqual(records[0].fields["verified"], "true")
        XCTAssertEqual(records[0].fields["style.Size:"], " 7 oz")
        XCTAssertEqual(records[0].fields["image"], #"["a", "b"]"#)
        XCTAssertNil(records[0].fields["vote"])
        XCTAssertEqual(records[1].text, "ok\nfine")
        XCTAssertEqual(records[1].fields["n"], "-1.5e3")
        XCTAssertEqual(errors.map(\.line), [2, 4, 6])
        XCTAssertTrue(errors[0].reason.hasPrefix("JSON:"), errors[0].reason)
        XCTAssertEqual(errors[1].field, "reviewText")
    }

    func testDefaultTextFieldAndSyntaxErrors() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("d.jsonl", #"{"text": "hello", "id": 01}"# + "\n" + #"{"text": "hi", "x": tru}"# + "\n" + #"{"text": "a"} x"#)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .jsonl)).readAll()
        XCTAssertEqual(records.count, 0)
        XCTAssertEqual(errors.map(\.line), [1, 2, 3])
        let ok = try tmp.write("ok.jsonl", #"{"id": 1, "text": "hello"}"#)
        XCTAssertEqual(try RecordReader(path: ok, options: .init(format: .jsonl)).readAll().records.first?.text, "hello")
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let tmp = try TempFiles()
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let path = try tmp.write("deep.jsonl", deep)
        let (_, errors) = try RecordReader(path: path, options: .init(format: .jsonl)).readAll()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].reason.contains("nesting"), errors[0].reason)
    }
}
