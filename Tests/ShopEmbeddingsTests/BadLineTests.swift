import Foundation
import XCTest
@testable import ShopEmbeddings

/// Issue 20: `embed train` aborted the whole run on one invalid line.
final class BadLineTests: XCTestCase {
    func testABadLineIsReportedAndReadingGoesOn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shopembed-\(UUID().uuidString).txt").path
        FileManager.default.createFile(atPath: path, contents: Data(Array("one two\n".utf8) + [0x66, 0xFF, 0x0A] + Array("three four\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bad: [EmbeddingError] = []
        var lines: [String] = []
        try TrainingText.forEachLine(in: path, format: .text, onBadLine: { bad.append($0) }) { lines.append($0) }
        XCTAssertEqual(lines, ["one two", "three four"])
        XCTAssertEqual(bad, [.badLine(path: path, line: 2, reason: "invalid UTF-8")])
    }
}
