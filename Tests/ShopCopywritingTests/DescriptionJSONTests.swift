@testable import ShopCopywriting
import Foundation
import ShopCore
import XCTest

/// The output line's fast paths against what they replaced: quoting against the scalar by
/// scalar escaper, numbers against `String(format: "%.4f")`, character counts against
/// `String.count`.
final class DescriptionJSONTests: XCTestCase {
    private let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\r\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "色", "，", "。", "—",
                          "…", "Ａ", "ｚ", "\u{0301}", "\u{200D}", "👍", "👨‍👩‍👧", "\u{302A}", "\u{3030}", "\u{FE0F}", "é", "\u{2028}"]

    private func randomStrings(_ count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    func testQuoteMatchesTheScalarEscaper() {
        let fixed = ["", "plain", "这款连衣裙，很好看。", "say \"hi\"", "back\\slash", "line\nbreak", "\u{00}\u{1F}", "tab\there"]
        for text in fixed + randomStrings(5_000, seed: 7) {
            XCTAssertEqual(DescriptionJSON.quote(text), DescriptionJSON.quoteReference(text), text.debugDescription)
        }
        // And the result is JSON that reads back as the text.
        for text in fixed {
            let data = Data(("[" + DescriptionJSON.quote(text) + "]").utf8)
            XCTAssertEqual(try JSONSerialization.jsonObject(with: data) as? [String], [text])
        }
    }

    func testCharacterCountMatchesStringCount() {
        for text in ["", "这款连衣裙，很好看。", "a\r\nb", "e\u{0301}", "👨‍👩‍👧", "〰\u{FE0F}"] + randomStrings(5_000, seed: 11) {
            XCTAssertEqual(DescriptionJSON.characterCount(text), text.count, text.debugDescription)
        }
    }

    func testNumberMatchesFoundationsFormat() {
        var rng = SplitMix64(seed: 13)
        var values: [Double] = [0, -0.0, 1, -1, 0.00005, 0.00015, 0.00025, -0.00005, 0.12345, 0.99995, 9.99995, 123456.78905,
                                1e15, -1e15, 1e300, -1e300, 5e-324, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for _ in 0..<20_000 {
            let unit = Double(rng.next() >> 11) / Double(1 << 53)
            let magnitude = pow(10, Double(Int(rng.next() % 13)) - 6)
            values.append((unit - 0.5) * 2 * magnitude)
            // Four-decimal ties and near-ties, where rounding differs if done twice.
            let k = Double(Int64(rng.next() % 2_000_000) - 1_000_000)
            values.append((k + 0.5) / 10_000)
            values.append(Double(bitPattern: ((k + 0.5) / 10_000).bitPattern &+ 1))
        }
        for x in values {
            XCTAssertEqual(DescriptionJSON.number(x), String(format: "%.4f", x), "\(x)")
        }
        XCTAssertEqual(DescriptionJSON.number(.nan), "null")
        XCTAssertEqual(DescriptionJSON.number(-.infinity), "null")
    }
}
