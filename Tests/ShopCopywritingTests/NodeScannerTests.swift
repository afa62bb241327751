@testable import ShopCopywriting
import ShopCore
import XCTest

/// The byte scanner against the `Character` scanner it replaced: the same nodes and the
/// same error for every shipped template line, hand-picked edge cases and seeded random
/// strings built to put syntax next to marks that join it.
final class NodeScannerTests: XCTestCase {
    private func assertSameParse(_ text: String, _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
        var bytes = NodeScanner(text), chars = CharacterNodeScanner(text)
        XCTAssertEqual(bytes.parseSequence(terminators: []), chars.parseSequence(terminators: []), "\(message()) \(text.debugDescription)", file: file, line: line)
        XCTAssertEqual(bytes.error, chars.error, "\(message()) \(text.debugDescription)", file: file, line: line)
        var bytesAlts = NodeScanner(text), charsAlts = CharacterNodeScanner(text)
        XCTAssertEqual(bytesAlts.parseAlternatives(topLevel: true), charsAlts.parseAlternatives(topLevel: true), "\(message()) \(text.debugDescription)", file: file, line: line)
        XCTAssertEqual(bytesAlts.error, charsAlts.error, "\(message()) \(text.debugDescription)", file: file, line: line)
    }

    func testEveryShippedLineParsesAsWithCharacters() throws {
        let files = FileManager.default.enumerator(atPath: Fixtures.templates)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".tmpl") }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        var lines = 0
        for name in files {
            let text = try String(contentsOfFile: Fixtures.templates + "/" + name, encoding: .utf8)
            for (number, line) in DataFileLines.entries(text) where line.hasPrefix("-") || line.hasPrefix("@slot") {
                // The whole body (conditions included) and the body past its conditions.
                let body = String(line.drop { $0 != " " && $0 != "-" }.dropFirst())
                assertSameParse(body, "\(name):\(number)")
                if let close = body.lastIndex(of: "}"), body.hasPrefix("{?") || body.hasPrefix("(") {
                    assertSameParse(String(body[body.index(after: close)...]), "\(name):\(number)")
                }
                lines += 1
            }
        }
        XCTAssertGreaterThan(lines, 500)
    }

    func testEdgeCasesParseAsWithCharacters() {
        let cases = [
            "", "plain", "这款{类型}很好看", "{a|upper}，<很|非常>[好看{x}]", "<a|b>|c", "a|b<c|d>e",
            // Unclosed, unexpected, escapes, a backslash at the end.
            "{a", "[a", "<a|b", "a}b]c>d", "\\{not a slot\\}", "\\", "ab\\", "\\\\{x}", "\\这{x}", "\\<a|b>",
            // Marks that join a syntax character into one Character: it is text.
            "{\u{0301}a}", "a{b}\u{0301}c", "<a|\u{0301}b>", "[\u{20D2}x]", "x\\\u{0301}{y}", "<a\u{200D}|b>",
            "\u{0600}{x}", "\u{0600}\\{x}", "\\\u{0600}{x}", "<a|b>\u{FE0F}", "#\u{FE0F}\u{20E3}{x}",
            // Full-width and CJK punctuation beside syntax, and their tone and sound marks.
            "{x}，{y}。", "「{x}」", "{x}\u{302A}", "{x}\u{FF9E}", "\u{3000}<a|b>\u{3000}",
            // Line ends, emoji, surrogate-range neighbours, four-byte scalars.
            "a\r\n{b}", "{x}\r", "👍{x}👨‍👩‍👧", "{x}𠀀<𠀁|𠀂>", "[\u{1F1E8}\u{1F1F3}]",
            // Depth at and past the limit.
            String(repeating: "[", count: NodeScanner.maxDepth) + "x" + String(repeating: "]", count: NodeScanner.maxDepth),
            String(repeating: "<", count: NodeScanner.maxDepth + 1) + "x",
        ]
        for text in cases { assertSameParse(text) }
    }

    /// Random strings over syntax characters, Chinese text, and marks that join or follow.
    func testSeededRandomStringsParseAsWithCharacters() {
        let pieces: [String] = ["{", "}", "[", "]", "<", ">", "|", "\\", "a", " ", "色", "，", "。",
                                "\u{0301}", "\u{0600}", "\u{200D}", "\u{FE0F}", "\u{302A}", "\u{0903}", "\r", "\n", "👍", "x|upper", "?"]
        var rng = SplitMix64(seed: 19)
        for _ in 0..<5_000 {
            let n = Int(rng.next() % 14)
            let text = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            assertSameParse(text)
        }
    }

    /// `neverJoins`' ranges hold: none of their scalars joins a syntax character on either side.
    func testNeverJoiningRangesAreRight() {
        let syntax: [Unicode.Scalar] = ["\\", "{", "}", "[", "]", "<", ">", "|"]
        var checked = 0
        for value in UInt32(0x20)...0xFFFF {
            guard let s = Unicode.Scalar(value), NodeScanner.neverJoins(s) else { continue }
            for c in syntax {
                XCTAssertFalse(NodeScanner.joined(c, s), "U+\(String(value, radix: 16)) after \(c)")
                XCTAssertFalse(NodeScanner.joined(s, c), "U+\(String(value, radix: 16)) before \(c)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20_000)
        // And the check itself sees a join where there is one.
        XCTAssertTrue(NodeScanner.joined("{", "\u{0301}"))
        XCTAssertTrue(NodeScanner.joined("\u{0600}", "{"))
        XCTAssertFalse(NodeScanner.joined("{", "色"))
    }
}
