import Foundation
import XCTest
import ShopCore
@testable import ShopEmbeddings

/// `embed train` as a library call: text files in, a vectors file (and word2vec text) out.
final class EmbedTrainingRunTests: XCTestCase {
    private func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "embedtrainrun-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testTrainsPrunesAndWritesBothFormats() throws {
        let dir = try folder()
        let text = dir + "/text.txt"
        try Data((SyntheticCorpus.sentences(count: 400).map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: text))
        let config = SyntheticCorpus.config()
        var run = try EmbedTrainingRun(config: config, out: dir + "/v.model")
        run.maxWords = 6
        run.word2vec = dir + "/v.txt"
        run.showProgress = false
        let lines = UncheckedCell<[String]>([])
        run.log = { lines.value.append($0) }
        let vectors = try run.run(files: [text]) { CorpusLoader(format: .text, tokenization: .pretokenized, threads: 1) }

        XCTAssertEqual(vectors.words.count, 6)
        let saved = try VectorsFile.load(dir + "/v.model")
        XCTAssertEqual(saved.words, vectors.words)
        XCTAssertEqual(saved.dimension, config.dimension)
        XCTAssertEqual(try Word2VecText.load(dir + "/v.txt").words, vectors.words)
        XCTAssertEqual(lines.value.first, "read 400 lines, 0 dropped as held-out twins")
        XCTAssertTrue(lines.value.contains("wrote \(dir)/v.model: 6 words, 0 subword rows, dimension 24"), "\(lines.value)")
        // The six kept are the most frequent words, most frequent first.
        XCTAssertEqual(vectors.counts, vectors.counts.sorted(by: >))
    }

    func testBadSettingsAreRefusedBeforeAnythingIsRead() throws {
        var config = SyntheticCorpus.config()
        config.window = 0
        XCTAssertThrowsError(try EmbedTrainingRun(config: config, out: "/nonexistent/v.model")) { error in
            XCTAssertEqual(error as? EmbeddingError, .badOption("--window must be at least 1"))
        }
    }

    func testTheCommandLineSettingsKeepTheOtherDefaults() {
        let c = SkipGramConfig(dimension: 8, window: 2, negative: 3, minCount: 4, epochs: 6, subwords: .none, threads: 1, seed: 9)
        var expected = SkipGramConfig()
        expected.dimension = 8; expected.window = 2; expected.negative = 3; expected.minCount = 4
        expected.epochs = 6; expected.subwords = .none; expected.threads = 1; expected.seed = 9
        XCTAssertEqual(c, expected)
    }
}
