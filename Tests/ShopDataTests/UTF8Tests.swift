import XCTest
@testable import ShopData

final class UTF8Tests: XCTestCase {
    private let bad: [UInt8] = Array("1\tgood\n0\tba".utf8) + [0xFF, 0xC3] + Array("d\n1\t好\n".utf8)

    func testInvalidUTF8IsReportedWithLineAndByte() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("u.tsv", bytes: bad)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .tsv)).readAll()
        XCTAssertEqual(records.map(\.text), ["good", "好"])
        XCTAssertEqual(errors.map(\.line), [2])
        XCTAssertEqual(errors.first?.reason, "invalid UTF-8 at byte 5")
    }

    func testInvalidUTF8IsReplacedByOption() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("u.tsv", bytes: bad)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .tsv, invalidUTF8: .replace)).readAll()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(records.map(\.text), ["good", "ba\u{FFFD}\u{FFFD}d", "好"])
    }

    func testEveryFormatSurvivesInvalidUTF8() throws {
        let tmp = try TempFiles()
        let junk: [UInt8] = [0xFE, 0x80, 0xC0, 0xAF, 0xED, 0xA0, 0x80]
        let text = try tmp.write("t.txt", bytes: Array("ok\n".utf8) + junk + [0x0A])
        XCTAssertEqual(try RecordReader(path: text, options: .init(format: .text)).readAll().errors.map(\.line), [2])
        let csv = try tmp.write("c.csv", bytes: Array("text\n\"a\n".utf8) + junk + Array("\"\nok\n".utf8))
        let c = try RecordReader(path: csv, options: .init(format: .csv)).readAll()
        XCTAssertEqual(c.errors.map(\.line), [2])
        XCTAssertEqual(c.records.map(\.text), ["ok"])
        let json = try tmp.write("j.jsonl", bytes: Array(#"{"text": ""#.utf8) + junk + Array("\"}\n".utf8))
        XCTAssertEqual(try RecordReader(path: json, options: .init(format: .jsonl)).readAll().errors.map(\.line), [1])
        let replaced = try RecordReader(path: json, options: .init(format: .jsonl, invalidUTF8: .replace)).readAll()
        XCTAssertEqual(replaced.records.count, 1)
        XCTAssertTrue(replaced.records[0].text.contains("\u{FFFD}"))
    }
}
