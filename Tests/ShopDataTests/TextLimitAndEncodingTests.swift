import Foundation
import XCTest
@testable import ShopData

/// Issue 20: one 20 MB line cost gigabytes downstream; UTF-16 files were tagged as text full
/// of NULs with no warning.
final class TextLimitAndEncodingTests: XCTestCase {
    func testTextLimitCutsByCharactersAndSaysSo() {
        let limit = TextLimit(maxChars: 5)
        XCTAssertNil(limit.apply("hello").originalChars)
        XCTAssertNil(limit.apply("好好好好好").originalChars)  // 15 bytes, 5 characters: not cut
        let cut = limit.apply("好好好好好好好")
        XCTAssertEqual(cut.text, "好好好好好")
        XCTAssertEqual(cut.originalChars, 7)
        XCTAssertFalse(limit.warning(file: "f", line: 3, originalChars: 7).contains("好"), "no content in the warning")
    }

    func testRecordReaderCutsHugeRecordsBeforeHTMLStripping() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("big.txt", "short\n" + String(repeating: "<b>x</b>", count: 100_000) + "\n")
        var options = RecordReaderOptions(format: .text, stripHTML: true)
        options.textLimit = TextLimit(maxChars: 1_000)
        let (records, errors) = try RecordReader(path: path, options: options).readAll()
        XCTAssertTrue(errors.isEmpty)
        XCTAssertNil(records[0].truncatedFromChars)
        XCTAssertEqual(records[1].truncatedFromChars, 800_000)
        XCTAssertLessThanOrEqual(records[1].text.unicodeScalars.count, 1_000)
    }

    func testUTF16AndUTF32InputIsAClearErrorNamingTheEncoding() throws {
        let tmp = try TempFiles()
        let cases: [(String, [UInt8])] = [
            ("UTF-16LE", [0xFF, 0xFE] + Array("hi\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            ("UTF-16BE", [0xFE, 0xFF] + Array("hi\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })),
            ("UTF-32LE", [0xFF, 0xFE, 0, 0, 0x68, 0, 0, 0, 0x0A, 0, 0, 0]),
        ]
        for (encoding, bytes) in cases {
            let reader = try LineReader(path: try tmp.write("\(encoding).txt", bytes: bytes))
            XCTAssertThrowsError(try reader.nextLine()) { error in
                XCTAssertTrue("\(error)".contains(encoding), "\(error)")
                XCTAssertEqual((error as? DataError)?.line, 1)
            }
            XCTAssertNil(try reader.nextLine(), "no NUL-filled lines after the error")
        }
    }

    func testUTF8ByteOrderMarkStillReadsNormally() throws {
        let tmp = try TempFiles()
        let reader = try LineReader(path: try tmp.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("好\n".utf8)))
        XCTAssertEqual(try reader.nextLine()?.bytes, Array("好".utf8))
    }
}
