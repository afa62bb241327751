import XCTest
import ShopCore
@testable import ShopData

/// `LineReader.lines(of:)` (the reader behind `tokenize --score` and the tokenizer
/// benchmark) and `JSONLine.object`.
final class LineReaderLinesTests: XCTestCase {
    func testLinesDropTerminatorsAndKeepALastLineWithoutNewline() throws {
        let files = try TempFiles()
        let path = try files.write("a.txt", "一 二\r\nthree\n\nlast")
        XCTAssertEqual(try LineReader.lines(of: .file(path)), ["一 二", "three", "", "last"])
    }

    func testInvalidUTF8NamesFileAndLine() throws {
        let files = try TempFiles()
        let path = try files.write("bad.txt", bytes: Array("ok\n".utf8) + [0xFF, 0xFE, 0x41, 0x0A])
        XCTAssertThrowsError(try LineReader.lines(of: .file(path))) { error in
            XCTAssertEqual(error as? DataError, DataError(file: path, line: 2, reason: "invalid UTF-8"))
        }
    }

    func testJSONLineSortsKeysOnOneLine() {
        XCTAssertEqual(JSONLine.object(["b": 1, "a": "x"]), #"{"a":"x","b":1}"#)
    }

    func testReaderBenchmarkRowsAlignTheirColumns() {
        let row = ReaderBenchmark.line("reader", "MB/s", "MB/CPU-s", "records/s", "records")
        XCTAssertEqual(row.count, 52 + 9 + 10 + 12 + 10)
        XCTAssertTrue(row.hasPrefix("reader "))
        XCTAssertTrue(row.hasSuffix("   records"))
    }

    func testReaderBenchmarkStopsOnAMissingCorpus() throws {
        let files = try TempFiles()
        var bench = ReaderBenchmark(corpora: files.dir, seconds: 0.01, bigMegabytes: 0)
        var out: [String] = []
        bench.emit = { out.append($0) }
        XCTAssertThrowsError(try bench.run()) { error in
            guard case .missingInput(let message)? = error as? BenchmarkError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("online_shopping_10_cats/train.tsv"))
        }
        XCTAssertTrue(out.isEmpty)
    }
}
