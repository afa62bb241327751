import XCTest
@testable import ShopData

final class LineReaderTests: XCTestCase {
    private func lines(_ text: [UInt8], bufferSize: Int = 1 << 18, maxLineBytes: Int = 1 << 28) throws -> [String] {
        let tmp = try TempFiles()
        let path = try tmp.write("in.txt", bytes: text)
        let reader = try LineReader(path: path, bufferSize: bufferSize, maxLineBytes: maxLineBytes)
        var out: [String] = []
        while let l = try reader.nextLine() { out.append(String(decoding: l.bytes, as: UTF8.self)) }
        return out
    }

    func testCRLFAndFinalLineWithoutNewline() throws {
        XCTAssertEqual(try lines(Array("a\r\nb\n\nc".utf8)), ["a", "b", "", "c"])
        XCTAssertEqual(try lines(Array("a\n".utf8)), ["a"])
        XCTAssertEqual(try lines([]), [])
    }

    func testBOMIsDropped() throws {
        XCTAssertEqual(try lines([0xEF, 0xBB, 0xBF] + Array("x\ny".utf8)), ["x", "y"])
    }

    func testLinesLongerThanTheBufferAndOffsets() throws {
        let long = String(repeating: "长", count: 5000)   // 15000 bytes through a 16-byte buffer
        let text = "short\n\(long)\nend"
        XCTAssertEqual(try lines(Array(text.utf8), bufferSize: 16), ["short", long, "end"])

        let tmp = try TempFiles()
        let path = try tmp.write("o.txt", text)
        let r = try LineReader(path: path, bufferSize: 16)
        XCTAssertEqual(r.totalBytes, Int64(text.utf8.count))
        _ = try r.nextLine()
        XCTAssertEqual(r.byteOffset, 6)
        XCTAssertEqual(r.lineNumber, 1)
        let second = try r.nextLine()
        XCTAssertEqual(second?.number, 2)
        XCTAssertEqual(second?.endOffset, Int64(6 + long.utf8.count + 1))
        _ = try r.nextLine()
        XCTAssertEqual(r.byteOffset, Int64(text.utf8.count))
        XCTAssertNil(try r.nextLine())
    }

    func testOverlongLineIsReportedAndSkipped() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("l.txt", "ok\n" + String(repeating: "x", count: 100) + "\nafter\n")
        let r = try LineReader(path: path, bufferSize: 16, maxLineBytes: 32)
        XCTAssertEqual(try r.nextLine()?.bytes, Array("ok".utf8))
        XCTAssertThrowsError(try r.nextLine()) { error in
            XCTAssertEqual((error as? DataError)?.line, 2)
        }
        let after = try r.nextLine()
        XCTAssertEqual(after?.bytes, Array("after".utf8))
        XCTAssertEqual(after?.number, 3)
    }

    func testMissingFileAndDirectoryAreErrors() {
        XCTAssertThrowsError(try LineReader(path: "/nonexistent/x.tsv")) { e in
            XCTAssertEqual((e as? DataError)?.file, "/nonexistent/x.tsv")
        }
        XCTAssertThrowsError(try LineReader(path: NSTemporaryDirectory())) { e in
            XCTAssertTrue((e as? DataError)?.reason.contains("directory") ?? false)
        }
    }
}

final class PipeInputTests: XCTestCase {
    /// A pipe delivers lines as they arrive (read(2), not a full-buffer fread) and the
    /// last line needs no newline.
    func testLinesFromAPipeArriveBeforeTheWriterCloses() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let reader = LineReader(fileDescriptor: fds[0], name: "<pipe>", closeWhenDone: true)
        XCTAssertNil(reader.totalBytes)
        let first = Array("1\tfirst\r\n".utf8)
        XCTAssertEqual(write(fds[1], first, first.count), first.count)
        // The writer is still open: the line must come back without waiting for EOF.
        XCTAssertEqual(try reader.nextLine()?.bytes, Array("1\tfirst".utf8))
        let rest = Array("0\tsecond".utf8)
        XCTAssertEqual(write(fds[1], rest, rest.count), rest.count)
        close(fds[1])
        XCTAssertEqual(try reader.nextLine()?.bytes, Array("0\tsecond".utf8))
        XCTAssertNil(try reader.nextLine())
        XCTAssertEqual(reader.lineNumber, 2)
    }
}
