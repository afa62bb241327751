import XCTest
@testable import ShopData

final class CSVTests: XCTestCase {
    func testQuotingEmbeddedNewlineAndHeader() throws {
        let tmp = try TempFiles()
        let csv = """
        id,rating,review
        1,5,"Great, really ""great"" phone"
        2,1,"line one
        line two"
        3,4,plain text
        """
        let path = try tmp.write("r.csv", csv + "\r\n")
        let (records, errors) = try RecordReader(path: path, options: .init(format: .csv, textField: .name("review"),
                                                                            labelField: .name("rating"))).readAll()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(records.map(\.text), ["Great, really \"great\" phone", "line one\nline two", "plain text"])
        XCTAssertEqual(records.map(\.label), ["5", "1", "4"])
        XCTAssertEqual(records.map(\.line), [2, 3, 5])
        XCTAssertEqual(records[1].fields["id"], "2")
    }

    func testDefaultTextColumnNameAndColumnNumbers() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("d.csv", "label,text\npos,nice\n")
        let r = try RecordReader(path: path, options: .init(format: .csv, labelField: .column(1))).readAll()
        XCTAssertEqual(r.records.first?.text, "nice")
        XCTAssertEqual(r.records.first?.label, "pos")

        let noHeader = try tmp.write("n.csv", "a;\"b;c\"\n")
        let r2 = try RecordReader(path: noHeader, options: .init(format: .csv, textField: .column(2), header: false,
                                                                 csvDelimiter: UInt8(ascii: ";"))).readAll()
        XCTAssertEqual(r2.records.first?.text, "b;c")
    }

    func testMalformedRecordIsReportedAtItsLineAndReadingResumes() throws {
        let tmp = try TempFiles()
        // Line 3 has text after a closing quote; line 5 opens a quote that never closes.
        let csv = "id,text\n1,fine\n2,\"broken\" here\n3,also fine\n4,\"never closed\n5,last\n"
        let path = try tmp.write("m.csv", csv)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .csv)).readAll()
        XCTAssertEqual(errors.map(\.line), [3, 5])
        XCTAssertTrue(errors[0].reason.contains("closing quote"), errors[0].reason)
        XCTAssertTrue(errors[1].reason.contains("not closed"), errors[1].reason)
        XCTAssertEqual(records.map(\.text), ["fine", "also fine", "last"])
        XCTAssertEqual(records.map(\.line), [2, 4, 6])
    }

    func testQuoteLeftOpenIsBoundedByMaxRecordLines() throws {
        let tmp = try TempFiles()
        var csv = "text\n\"open\n"
        for k in 0..<10 { csv += "row \(k)\n" }
        let path = try tmp.write("o.csv", csv)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .csv, maxRecordLines: 3)).readAll()
        XCTAssertEqual(errors.map(\.line), [2])
        XCTAssertEqual(records.count, 10)
        XCTAssertEqual(records.first?.line, 3)
    }

    func testFieldCountMismatchWithHeader() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("f.csv", "a,text\n1,x,extra\n2,y\n")
        let (records, errors) = try RecordReader(path: path, options: .init(format: .csv)).readAll()
        XCTAssertEqual(errors.map(\.line), [2])
        XCTAssertEqual(records.map(\.text), ["y"])
    }
}
