import Foundation
import XCTest
@testable import ShopData

/// Issue 20: 1,000 good records then a malformed one at line 1003 came back as
/// "996 records; 1 error" — libxml2's reader dropped the good records of the chunk in which
/// it met the error.
final class XMLRecoveryTests: XCTestCase {
    private func document(good: Int, oneLine: Bool) -> String {
        let sep = oneLine ? "" : "\n"
        var s = "<?xml version=\"1.0\"?>\(sep)<feed>\(sep)"
        for i in 0..<good { s += "<item id=\"\(i)\"><title>Product \(i)</title><price>9.5</price></item>\(sep)" }
        s += "<item id=\"bad\"><title>broken</titel></item>\(sep)"
        for i in 0..<5 { s += "<item id=\"after\(i)\"><title>x</title></item>\(sep)" }
        return s + "</feed>\(sep)"
    }

    private func check(_ reader: XMLRecordReader, good: Int, errorLine: Int) {
        var ids: [String] = [], errors: [DataError] = []
        for r in reader {
            switch r {
            case .success(let rec): ids.append(rec.fields["id"] ?? "?")
            case .failure(let e): errors.append(e)
            }
        }
        XCTAssertEqual(ids.count, good, "every good record before the error is kept")
        XCTAssertEqual(ids, (0..<good).map(String.init))
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, errorLine)
    }

    func testEveryGoodRecordBeforeAnErrorIsKeptFromAFile() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("feed.xml", document(good: 1000, oneLine: false))
        // Line 1 declaration, line 2 <feed>, records on lines 3…1002, the bad one on 1003.
        check(try XMLRecordReader(.file(path), recordElement: "item"), good: 1000, errorLine: 1003)
    }

    func testEveryGoodRecordBeforeAnErrorIsKeptFromMemory() throws {
        check(try XMLRecordReader(xml: document(good: 300, oneLine: false), recordElement: "item"), good: 300, errorLine: 303)
    }

    func testEveryGoodRecordBeforeAnErrorIsKeptOnOneLongLine() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("feed.xml", document(good: 1000, oneLine: true))
        check(try XMLRecordReader(.file(path), recordElement: "item"), good: 1000, errorLine: 1)
    }
}
