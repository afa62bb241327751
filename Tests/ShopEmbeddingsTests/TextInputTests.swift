import Foundation
import XCTest
@testable import ShopEmbeddings

final class TextInputTests: XCTestCase {
    func write(_ bytes: [UInt8]) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shopembed-\(UUID().uuidString).txt").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func lines(_ path: String, _ format: TrainingText.Format = .auto) throws -> [String] {
        var out: [String] = []
        try TrainingText.forEachLine(in: path, format: format) { out.append($0) }
        return out
    }

    func testTSVUsesTheTextColumnOnly() throws {
        let path = write(Array("1\t房间 很 干净\n\n0\t物流 太 慢\r\n".utf8))
        XCTAssertEqual(try lines(path), ["房间 很 干净", "物流 太 慢"])
        XCTAssertEqual(try lines(path, .text), ["1\t房间 很 干净", "0\t物流 太 慢"])
    }

    func testInvalidUTF8NamesTheLine() {
        let path = write(Array("good line\n".utf8) + [0x66, 0xFF, 0x0A])
        XCTAssertThrowsError(try lines(path)) { e in
            XCTAssertEqual(e as? EmbeddingError, .badLine(path: path, line: 2, reason: "invalid UTF-8"))
        }
    }

    func testPretokenizedLoadingAndMinCount() throws {
        let path = write(Array("a b a\nb c\na\n".utf8))
        let builder = try CorpusLoader(format: .text, tokenization: .pretokenized).load([path])
        XCTAssertEqual(builder.tokenCount, 6)
        let (vocab, corpus) = builder.finish(minCount: 2)
        XCTAssertEqual(vocab.words, ["a", "b"])
        XCTAssertEqual(vocab.counts, [3, 2])
        XCTAssertEqual(corpus.ids, [0, 1, 0, 1, 0])
        XCTAssertEqual(corpus.sentenceStarts, [0, 3, 4, 5])
    }

    func testShopTokenizerLoadingNormalises() throws {
        let path = write(Array("1\tＢＡＴＴＥＲＹ life 很好\n".utf8))
        let builder = try CorpusLoader().load([path])
        let (vocab, _) = builder.finish(minCount: 1)
        XCTAssertTrue(vocab.words.contains("battery"), "\(vocab.words)")
        XCTAssertFalse(vocab.words.contains("1"), "labels are not text")
    }
}
