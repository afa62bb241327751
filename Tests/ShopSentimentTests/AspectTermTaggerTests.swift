import XCTest
@testable import ShopSentiment

/// The BIO aspect-term tagger: gold tags from SemEval offsets, term decoding, and learning.
final class AspectTermTaggerTests: XCTestCase {
    func testBIOFromOffsets() {
        let s = ABSASentence(id: "1", text: "The battery life is great but the screen is dim.",
                             terms: [.init(term: "screen", polarity: "negative", from: 34, to: 40),
                                     .init(term: "battery life", polarity: "positive", from: 4, to: 16)], line: 1)
        let (words, tags) = AspectTermTagger.bio(s)
        XCTAssertEqual(words.count, tags.count)
        let marked = zip(words, tags).filter { $0.1 != 0 }.map { "\($0.0)/\(AspectTermTagger.tags[$0.1])" }
        XCTAssertEqual(marked, ["battery/B", "life/I", "screen/B"])
        XCTAssertEqual(AspectTermTagger.terms(words: words, tags: tags), ["battery life", "screen"])
    }

    func testDecodingAndScore() {
        XCTAssertEqual(AspectTermTagger.terms(words: ["a", "b", "c", "d"], tags: [2, 2, 0, 1]), ["a b", "d"])
        var s = TermExtractionScore()
        s.add(predicted: ["Battery  life", "price"], gold: ["battery life", "screen"])
        XCTAssertEqual(s.correct, 1); XCTAssertEqual(s.precision, 0.5); XCTAssertEqual(s.recall, 0.5)
    }

    func testLearnsTermsFromContext() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 16; options.hiddenSize = 12; options.epochs = 10; options.patience = 10
        options.learningRate = 1e-2; options.dropout = 0.1; options.seed = 3
        let (tagger, _) = try AspectTermTagger.train(sentences: AspectPolarityTests.synthetic(count: 300, seed: 1), options: options,
                                                     embeddings: nil, log: { _ in })
        let score = TermExtractionScore.of(tagger: tagger, sentences: AspectPolarityTests.synthetic(count: 60, seed: 2))
        XCTAssertGreaterThan(score.f1, 0.9, "F1 \(score.f1)")
    }
}
