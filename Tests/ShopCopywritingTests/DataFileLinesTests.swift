@testable import ShopCopywriting
import Foundation
import XCTest

final class DataFileLinesTests: XCTestCase {
    /// Entries with their 1-based line numbers; blank lines, `#` comments and surrounding
    /// spaces left out; CRLF files read as LF ones; the same lines as splitting into
    /// `Character`s on "\n" for an LF file (the reader this one replaced).
    func testEntriesKeepLineNumbersAndSkipCommentsAndBlanks() {
        let text = "# header\n\n  材质=牛仔布  \n\t\n颜色 = 白色\n# another\nlast line"
        let want = [(3, "材质=牛仔布"), (5, "颜色 = 白色"), (7, "last line")]
        let got = DataFileLines.entries(text)
        XCTAssertEqual(got.map(\.number), want.map(\.0))
        XCTAssertEqual(got.map(\.line), want.map(\.1))
        let crlf = DataFileLines.entries(text.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(crlf.map(\.number), want.map(\.0))
        XCTAssertEqual(crlf.map(\.line), want.map(\.1))
        XCTAssertEqual(DataFileLines.entries("").count, 0)
        XCTAssertEqual(DataFileLines.entries("\n\n").count, 0)
        XCTAssertEqual(DataFileLines.entries("a\n").map(\.line), ["a"])
        // A combining mark after a line feed starts the next line, as a `Character` split does.
        let marked = "a\n\u{0301}b\nc"
        let bySplit = marked.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingCharactersInSet() }
        XCTAssertEqual(DataFileLines.entries(marked).map(\.line), bySplit.filter { !$0.isEmpty })
    }

    /// Every shipped data file gives the same entries as the `Character` split did.
    func testShippedFilesReadAsBefore() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpora")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { ["txt", "tmpl", "tsv"].contains($0.pathExtension) && !$0.path.contains("/samples/") }
        XCTAssertGreaterThan(files.count, 5)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var old: [(Int, String)] = []
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(raw).trimmingCharactersInSet()
                if line.isEmpty || line.hasPrefix("#") { continue }
                old.append((i + 1, line))
            }
            let new = DataFileLines.entries(text)
            XCTAssertEqual(new.map(\.number), old.map(\.0), file.lastPathComponent)
            XCTAssertEqual(new.map(\.line), old.map(\.1), file.lastPathComponent)
        }
    }
}
