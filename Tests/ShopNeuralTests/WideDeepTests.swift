import XCTest
import Foundation
@testable import ShopNeural

/// The shared half of the wide+deep classifiers: the deep path, the mix and its weight.
final class WideDeepTests: XCTestCase {
    static func network(seed: UInt64, buckets: Int = 0, maxLength: Int = 6) -> TextClassifier {
        var config = TextClassifierConfig(vocabSize: 12, numClasses: 3, embedDim: 4, hiddenSize: 3, attentionSize: 3,
                                          wideBuckets: buckets, wideDim: 2, seed: seed)
        config.maxLength = maxLength
        return TextClassifier(config: config)
    }

    static let vocabulary = ["a", "b", "c", "d", "e", "f", "g", "h"]

    func testLongTextsKeepHeadAndTailOnlyWhenAsked() {
        let words = ["a", "b", "c", "d", "e", "f", "g", "h", "zz"]
        let tail = DeepTextPath(networks: [Self.network(seed: 1)], vocabulary: Self.vocabulary, keepsTail: true)
        XCTAssertEqual(tail.kept(words), ["a", "b", "c", "g", "h", "zz"])
        // ids: word i of the vocabulary is i + 2, unknown words 1.
        XCTAssertEqual(tail.encode(words: words), [2, 3, 4, 8, 9, 1])
        let head = DeepTextPath(networks: [Self.network(seed: 1)], vocabulary: Self.vocabulary, keepsTail: false)
        XCTAssertEqual(head.kept(words), words)
        XCTAssertEqual(head.encode(words: []), [1])
    }

    func testEnsembleIsTheMeanOfItsNetworksAndOneNetworkIsItselfExactly() {
        let n1 = Self.network(seed: 1), n2 = Self.network(seed: 2)
        let words = [["a", "b", "zz"], ["c"], []]
        let ids = words.map { $0.map { Self.vocabulary.firstIndex(of: $0).map { Int32($0 + 2) } ?? 1 } }.map { $0.isEmpty ? [Int32(1)] : $0 }
        let single = DeepTextPath(networks: [n1], vocabulary: Self.vocabulary, keepsTail: true).run(words, attention: true)
        let p1 = n1.predict(batch: ids), p2 = n2.predict(batch: ids)
        for i in words.indices {
            XCTAssertEqual(single[i].probabilities, p1[i].probabilities)   // bit for bit
            XCTAssertEqual(single[i].attention, Array(p1[i].attention.prefix(words[i].count)))
            XCTAssertEqual(single[i].words, words[i])
        }
        let pair = DeepTextPath(networks: [n1, n2], vocabulary: Self.vocabulary, keepsTail: true).probabilities(words)
        for i in words.indices {
            for k in 0..<3 {
                XCTAssertEqual(pair[i][k], (p1[i].probabilities[k] + p2[i].probabilities[k]) / 2, accuracy: 1e-6)
            }
        }
    }

    func testBagHasWordsBigramsAndAnEmptyMarker() {
        let path = DeepTextPath(networks: [Self.network(seed: 3, buckets: 97)], vocabulary: Self.vocabulary,
                                keepsTail: false, wideBigrams: true)
        XCTAssertEqual(path.bag(words: ["a", "b"]), [EmbeddingBag.bucket(for: "w:a", buckets: 97),
                                                     EmbeddingBag.bucket(for: "w:b", buckets: 97),
                                                     EmbeddingBag.bucket(for: "b:a b", buckets: 97)])
        XCTAssertEqual(path.bag(words: []), [EmbeddingBag.bucket(for: "<empty>", buckets: 97)])
        let noBag = DeepTextPath(networks: [Self.network(seed: 3)], vocabulary: Self.vocabulary, keepsTail: false)
        XCTAssertEqual(noBag.bag(words: ["a"]), [])
    }

    func testSerialisedPathLoadsBackWithTheSameOutputs() throws {
        let path = DeepTextPath(networks: [Self.network(seed: 4, buckets: 31), Self.network(seed: 5, buckets: 31)],
                                vocabulary: Self.vocabulary, keepsTail: false, wideBigrams: true)
        let parts = try path.serialized()
        XCTAssertEqual(parts.count, 2)
        let back = try DeepTextPath.deserialize(parts, file: "mem", keepsTail: false)
        XCTAssertEqual(back.vocabulary, Self.vocabulary)
        XCTAssertEqual(back.wideBigrams, true)
        // Stored at float16: outputs agree to float16 precision, and a second round trip changes nothing.
        let words = [["a", "c", "b"], ["h"]]
        for (a, b) in zip(path.probabilities(words), back.probabilities(words)) {
            for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 2e-2) }
        }
        let again = try DeepTextPath.deserialize(try back.serialized(), file: "mem", keepsTail: false)
        XCTAssertEqual(again.probabilities(words), back.probabilities(words))
        // Networks that disagree are refused, not averaged.
        let other = DeepTextPath(networks: [Self.network(seed: 6, buckets: 31)], vocabulary: ["x"], keepsTail: false,
                                 wideBigrams: true)
        XCTAssertThrowsError(try DeepTextPath.deserialize([parts[0], try other.serialized()[0]], file: "mem", keepsTail: false))
        XCTAssertThrowsError(try DeepTextPath.deserialize([], file: "mem", keepsTail: false))
    }

    func testMixIsConvex() {
        XCTAssertEqual(WideDeepMix.mix([1, 0], [0, 1], weight: 0.25), [0.75, 0.25])
        XCTAssertEqual(WideDeepMix.mix([0.2, 0.8], [0.6, 0.4], weight: 0), [0.2, 0.8])
    }

    func testChosenWeightIsTheBestAndTiesFollowTheRule() {
        // Scores by hand: 0.2 and 0.6 share the best score.
        let scores: [Float: Double] = [0: 0.5, 0.2: 0.9, 0.4: 0.7, 0.6: 0.9, 0.8: 0.6]
        let candidates: [Float] = [0, 0.2, 0.4, 0.6, 0.8]
        XCTAssertEqual(WideDeepMix.chooseWeight(candidates, tieBreak: .first) { scores[$0]! }.weight, 0.2)
        XCTAssertEqual(WideDeepMix.chooseWeight(candidates, tieBreak: .nearest(0.5)) { scores[$0]! }.weight, 0.6)
        XCTAssertEqual(WideDeepMix.chooseWeight(candidates, tieBreak: .nearest(0.5)) { scores[$0]! }.score, 0.9)
        // A strictly better score wins whatever the tie rule.
        XCTAssertEqual(WideDeepMix.chooseWeight(candidates, tieBreak: .nearest(0)) { $0 == 0.8 ? 1 : 0 }.weight, 0.8)
        // Differences below 1e-9 are ties.
        XCTAssertEqual(WideDeepMix.chooseWeight([0, 1], tieBreak: .first) { $0 == 1 ? 0.5 + 1e-12 : 0.5 }.weight, 0)
    }

    func testPretrainedVectorsCheckSizesBeforeTouchingRows() {
        var rng = SeededRandom(seed: 1)
        let embedding = Embedding(vocabSize: 5, dim: 3, rng: &rng)
        let before = embedding.weight.value
        let wrongDim = PretrainedVectors(dimension: 2) { _ in [1, 2] }
        XCTAssertThrowsError(try wrongDim.initialise(embedding, vocabulary: ["a"], firstID: 2)) {
            XCTAssertEqual($0 as? PretrainedVectorsError, .dimensionMismatch(embedDim: 3, vectorsDimension: 2))
        }
        let wrongLength = PretrainedVectors(dimension: 3, matchInitNorm: false) { $0 == "b" ? [1] : [1, 2, 2] }
        XCTAssertThrowsError(try wrongLength.initialise(embedding, vocabulary: ["a", "b"], firstID: 2)) {
            XCTAssertEqual($0 as? PretrainedVectorsError, .badVector(word: "b", length: 1, expected: 3))
        }
        XCTAssertEqual(embedding.weight.value, before)
        let raw = PretrainedVectors(dimension: 3, matchInitNorm: false) { $0 == "a" ? [1, 2, 2] : ($0 == "z" ? [0, 0, 0] : nil) }
        XCTAssertEqual(try raw.initialise(embedding, vocabulary: ["a", "b", "z"], firstID: 2), 1)
        XCTAssertEqual(Array(embedding.weight.value[6..<9]), [1, 2, 2])
        XCTAssertEqual(Array(embedding.weight.value[9..<15]), Array(before[9..<15]))   // no vector, zero vector: random
        XCTAssertEqual(PretrainedVectors.norm([3, 4]), 5)
    }

    func testTemperatureIsTheOneWithTheLowestHeldOutNLL() {
        // By hand: both right → NLL at T=1 is log(1+e^-2)+log(1+e^-1) = 0.440, at T=2 0.145;
        // the first wrong → 2.440 at T=1 and 4.145 at T=2. Unknown gold (nil) is left out.
        let margins: [[Float]] = [[2, 0], [0, 1], [5, -5]]
        XCTAssertEqual(TemperatureScaling.fit(margins: margins, gold: [0, 1, nil], candidates: [1, 2]), 2)
        XCTAssertEqual(TemperatureScaling.fit(margins: margins, gold: [1, 1, nil], candidates: [1, 2]), 1)
        let p = TemperatureScaling.softmax([2, 0], scale: 1)
        XCTAssertEqual(p[0], Float(exp(2.0) / (exp(2.0) + 1)), accuracy: 1e-6)
        XCTAssertEqual(TemperatureScaling.softmax([1000, 0], scale: 1), [1, 0])   // no overflow
    }
}
