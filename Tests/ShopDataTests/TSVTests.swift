import XCTest
@testable import ShopData

final class TSVTests: XCTestCase {
    func testLabelTextAndLineWithoutTab() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("t.tsv", "1\tgreat phone\n0\t\"bad\" battery\nno tab here\n1\tok\r\n")
        let (records, errors) = try RecordReader(path: path, options: .init(format: .tsv)).readAll()
        XCTAssertEqual(records.map(\.label), ["1", "0", "1"])
        XCTAssertEqual(records.map(\.text), ["great phone", "\"bad\" battery", "ok"])
        XCTAssertEqual(records.map(\.line), [1, 2, 4])
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, 3)
        XCTAssertEqual(errors.first?.file, path)
        XCTAssertTrue(errors.first?.description.hasPrefix("\(path):3:") ?? false, errors.first?.description ?? "")
    }

    func testTextOnlyAndChosenColumnsAndHeader() throws {
        let tmp = try TempFiles()
        let plain = try tmp.write("p.tsv", "just text\nmore text\n")
        let r1 = try RecordReader(path: plain, options: .init(format: .tsv, textField: .column(1))).readAll()
        XCTAssertEqual(r1.records.map(\.text), ["just text", "more text"])
        XCTAssertEqual(r1.records.map(\.label), [nil, nil])

        // UCI style: sentence<TAB>label.
        let uci = try tmp.write("u.tsv", "Works well.\t1\n")
        let r2 = try RecordReader(path: uci, options: .init(format: .tsv, textField: .column(1), labelField: .column(2))).readAll()
        XCTAssertEqual(r2.records.first?.text, "Works well.")
        XCTAssertEqual(r2.records.first?.label, "1")

        let named = try tmp.write("h.tsv", "id\tstars\tbody\n7\t5\tlovely\n8\t1\n")
        let r3 = try RecordReader(path: named, options: .init(format: .tsv, textField: .name("body"),
                                                               labelField: .name("stars"), header: true)).readAll()
        XCTAssertEqual(r3.records.map(\.text), ["lovely"])
        XCTAssertEqual(r3.records.first?.fields["id"], "7")
        XCTAssertEqual(r3.records.first?.line, 2)
        XCTAssertEqual(r3.errors.map(\.line), [3])

        let bad = try RecordReader(path: named, options: .init(format: .tsv, textField: .name("nope"), header: true)).readAll()
        XCTAssertEqual(bad.records.count, 0)
        XCTAssertEqual(bad.errors.count, 1)
        XCTAssertTrue(bad.errors[0].reason.contains("columns: id, stars, body"), bad.errors[0].reason)
    }

    func testEmptyTextPolicies() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("e.tsv", "1\t\n0\t  \n1\tfine\n")
        let strict = try RecordReader(path: path, options: .init(format: .tsv)).readAll()
        XCTAssertEqual(strict.errors.map(\.line), [1, 2])
        XCTAssertEqual(strict.errors.first?.reason, "empty text")
        let skip = try RecordReader(path: path, options: .init(format: .tsv, emptyText: .skip)).readAll()
        XCTAssertEqual(skip.records.map(\.line), [3])
        XCTAssertTrue(skip.errors.isEmpty)
        let keep = try RecordReader(path: path, options: .init(format: .tsv, emptyText: .keep)).readAll()
        XCTAssertEqual(keep.records.count, 3)
    }

    func testLabeledCorpusLoadNamesFileAndLine() throws {
        let tmp = try TempFiles()
        let good = try tmp.write("g.tsv", "pos\tnice\nneg\tawful\n")
        let ex = try LabeledCorpus.load(tsv: good)
        XCTAssertEqual(ex.map(\.label), ["pos", "neg"])
        XCTAssertEqual(ex.map(\.text), ["nice", "awful"])
        XCTAssertEqual(LabeledCorpus.labelCounts(ex), ["pos": 1, "neg": 1])

        let bad = try tmp.write("b.tsv", "pos\tnice\nbroken\n")
        XCTAssertThrowsError(try LabeledCorpus.load(tsv: bad)) { e in
            XCTAssertEqual((e as? DataError)?.file, bad)
            XCTAssertEqual((e as? DataError)?.line, 2)
        }
    }
}
