import XCTest
@testable import ShopData

final class AtomicFileTests: XCTestCase {
    func testWriteReplacesAndLeavesNoTemporaryFile() throws {
        let tmp = try TempFiles()
        let path = tmp.dir + "/sub/out.txt"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.dir + "/sub"), ["out.txt"])
    }

    func testFailedWriteKeepsTheOldFile() throws {
        let tmp = try TempFiles()
        let path = tmp.dir + "/keep.txt"
        try AtomicFile.write("old", to: path)
        // The target's parent is a file, so the write must fail and leave `keep.txt` alone.
        XCTAssertThrowsError(try AtomicFile.write("new", to: path + "/x"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
    }
}

final class AtomicFileWriterTests: XCTestCase {
    func testStreamedWriteAppearsOnlyOnCommit() throws {
        let tmp = try TempFiles()
        let path = tmp.dir + "/out.tsv"
        try AtomicFile.write("old\n", to: path)
        do {
            let w = try AtomicFileWriter(path: path)
            try w.write("1\tnew\n")
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
            try w.write("0\tmore\n")
            try w.commit()
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "1\tnew\n0\tmore\n")
        do {
            let abandoned = try AtomicFileWriter(path: path)
            try abandoned.write("half")
        }
        // Never committed: the old content stays and no temporary file is left behind.
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "1\tnew\n0\tmore\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.dir), ["out.tsv"])
    }
}
