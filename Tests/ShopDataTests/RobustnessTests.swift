import XCTest
@testable import ShopData
import ShopCore

/// Random byte soup built from each format's special characters must never crash a reader;
/// every record is either a record or a `DataError` with a line inside the input.
final class RobustnessTests: XCTestCase {
    private let alphabet: [[UInt8]] = [
        [0x22], [0x2C], [0x09], [0x0A], [0x0D], [0x7B], [0x7D], [0x5B], [0x5D], [0x3A], [0x5C], [0x3C], [0x3E], [0x26],
        [0x2F], [0x3D], [0x20], Array("a".utf8), Array("text".utf8), Array("review".utf8), Array("&amp;".utf8),
        Array("<review>".utf8), Array("</review>".utf8), Array("<text>".utf8), Array("</text>".utf8),
        Array(#""text":"#.utf8), Array("好".utf8), [0xFF], [0xC3], [0xE4, 0xBD], Array("\\u".utf8), Array("1e5".utf8),
    ]

    func testRandomInputNeverCrashesAnyReader() throws {
        var rng = SplitMix64(seed: 20_240_607)
        let tmp = try TempFiles()
        for round in 0..<60 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...400, using: &rng) {
                bytes += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            }
            let lineCount = bytes.filter { $0 == 0x0A }.count + 1
            for format in RecordFormat.allCases {
                let path = try tmp.write("r\(round).\(format.rawValue)", bytes: bytes)
                for policy in InvalidUTF8Policy.allCases {
                    let options = RecordReaderOptions(format: format, invalidUTF8: policy, emptyText: .keep, stripHTML: true,
                                                      maxRecordLines: 5)
                    let (records, errors) = try RecordReader(path: path, options: options).readAll()
                    for r in records { XCTAssertTrue((1...lineCount).contains(r.line), "\(format) round \(round)") }
                    for e in errors {
                        if let l = e.line { XCTAssertTrue((1...lineCount).contains(l), "\(format) round \(round): \(e)") }
                    }
                }
            }
            _ = HTMLText.plainText(String(decoding: bytes, as: UTF8.self))
        }
    }
}
