import Foundation
import XCTest
@testable import ShopCopywriting

/// `describe --check`: lint of human copy, plain lines or a JSON Lines field.
final class CopyLintTests: XCTestCase {
    func write(_ text: String, _ ext: String) throws -> String {
        let path = NSTemporaryDirectory() + "copylint-\(UUID().uuidString).\(ext)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testReportsEachBannedTermWithItsPlace() throws {
        let path = try write("柔软舒适\n销量第一的毛巾\n\n", "txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CopyLint.run(path: path, field: nil, compliance: Fixtures.compliance)
        XCTAssertEqual(r.texts, 2)
        XCTAssertEqual(r.hits, 1)
        XCTAssertTrue(r.report.hasPrefix("\(path):2:1: banned term '销量第一'"), r.report)
        XCTAssertEqual(r.countLine, "2 texts checked, 1 banned terms")
    }

    func testJSONLinesFieldAndUnreadableLines() throws {
        let path = try write(#"{"copy":"Rated #1 by kids"}"# + "\n" + #"{"other":"x"}"# + "\n", "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CopyLint.run(path: path, field: "copy", compliance: Fixtures.compliance)
        XCTAssertEqual(r.texts, 1)
        XCTAssertEqual(r.hits, 1)
        XCTAssertEqual(r.problems, 1)
        XCTAssertEqual(r.countLine, "1 texts checked, 1 banned terms, 1 lines unreadable")
        XCTAssertEqual(CopyLint.excerpt(String(repeating: "a", count: 40), column: 20), "…" + String(repeating: "a", count: 28) + "…")
    }
}
