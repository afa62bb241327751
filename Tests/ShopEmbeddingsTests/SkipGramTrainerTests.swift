import XCTest
@testable import ShopEmbeddings

final class SkipGramTrainerTests: XCTestCase {
    func trained(_ subwords: SubwordScheme = .none, threads: Int = 1, sentences: Int = 1500, epochs: Int = 4) throws -> WordVectors {
        let (vocab, corpus) = SyntheticCorpus.build(SyntheticCorpus.sentences(count: sentences))
        var config = SyntheticCorpus.config(subwords: subwords)
        config.threads = threads
        config.epochs = epochs
        return try SkipGramTrainer(config: config).train(vocabulary: vocab, corpus: corpus).vectors
    }

    func meanSimilarity(_ v: WordVectors, _ a: [String], _ b: [String]) -> Float {
        var s: Float = 0, n: Float = 0
        for x in a { for y in b where x != y { s += v.similarity(x, y)!; n += 1 } }
        return s / n
    }

    func testRelatedWordsEndUpCloserThanUnrelated() throws {
        for scheme in [SubwordScheme.none, SubwordScheme(minN: 3, maxN: 5, buckets: 5000)] {
            let v = try trained(scheme)
            let within = (meanSimilarity(v, SyntheticCorpus.pets, SyntheticCorpus.pets)
                + meanSimilarity(v, SyntheticCorpus.cars, SyntheticCorpus.cars)) / 2
            let across = meanSimilarity(v, SyntheticCorpus.pets, SyntheticCorpus.cars)
            XCTAssertGreaterThan(within, across + 0.2, "subwords \(scheme)")
            for word in ["dog", "kitten", "engine", "brake"] {
                let topic = SyntheticCorpus.pets.contains(word) ? SyntheticCorpus.pets : SyntheticCorpus.cars
                let top = v.nearest(to: word, k: 3).map(\.word)
                XCTAssertEqual(top.count, 3)
                XCTAssertTrue(top.allSatisfy(topic.contains), "\(word) → \(top) (subwords \(scheme))")
            }
        }
    }

    func testSingleThreadRunsReproduce() throws {
        let a = try trained(SubwordScheme(minN: 3, maxN: 4, buckets: 1000), sentences: 300, epochs: 1)
        let b = try trained(SubwordScheme(minN: 3, maxN: 4, buckets: 1000), sentences: 300, epochs: 1)
        let c = try trained(SubwordScheme(minN: 3, maxN: 4, buckets: 1000), sentences: 300, epochs: 2)
        XCTAssertEqual(a.matrix, b.matrix)
        XCTAssertEqual(a.subwordMatrix, b.subwordMatrix)
        XCTAssertNotEqual(a.matrix, c.matrix, "a different run must differ, or the check above proves nothing")
    }

    func testTwoThreadHogwildStillLearns() throws {
        let v = try trained(threads: 2)
        let within = meanSimilarity(v, SyntheticCorpus.pets, SyntheticCorpus.pets)
        let across = meanSimilarity(v, SyntheticCorpus.pets, SyntheticCorpus.cars)
        XCTAssertGreaterThan(within, across + 0.2)
    }

    func testEmptyCorpusIsAnError() {
        let (vocab, corpus) = SyntheticCorpus.build([["a", "b"]], minCount: 5)
        XCTAssertThrowsError(try SkipGramTrainer(config: SyntheticCorpus.config()).train(vocabulary: vocab, corpus: corpus))
    }

    func testInvalidConfigIsRejected() {
        var c = SyntheticCorpus.config()
        c.dimension = 0
        XCTAssertThrowsError(try c.validate())
        XCTAssertThrowsError(try SubwordScheme.parse("6-3"))
        XCTAssertEqual(try SubwordScheme.parse("none"), .none)
    }

    func testSubsamplingKeepsRareWordsAndThinsFrequentOnes() {
        let keep = SkipGramTrainer.keepProbabilities(counts: [1_000_000, 100, 1], sample: 1e-4)
        XCTAssertLessThan(keep[0], 0.05)
        XCTAssertEqual(keep[2], 1)
    }
}
