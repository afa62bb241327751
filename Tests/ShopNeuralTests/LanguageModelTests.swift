import ShopCore
import XCTest
@testable import ShopNeural

final class LanguageModelTests: XCTestCase {
    /// Sentences from a tiny grammar with order: 2=BOS 3=EOS; "4 5 6" or "7 8 9", 1–3 times.
    static func corpus(_ n: Int, seed: UInt64) -> [[Int32]] {
        var rng = SeededRandom(seed: seed)
        return (0..<n).map { _ in
            var s: [Int32] = [2]
            for _ in 0..<(1 + rng.int(below: 3)) { s += rng.int(below: 2) == 0 ? [4, 5, 6] : [7, 8, 9] }
            return s + [3]
        }
    }

    func testLearnsOrderAndRanksGrammaticalCopyHigher() throws {
        let lm = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: 10, embedDim: 8, hiddenSize: 16, dropout: 0,
                                                               seed: 1))
        let before = lm.perplexity(of: Self.corpus(100, seed: 9))
        lm.train(Self.corpus(600, seed: 1), dev: Self.corpus(100, seed: 2),
                 options: TrainingOptions(epochs: 8, batchSize: 16, learningRate: 0.01, schedule: .constant,
                                          weightDecay: 0, showProgress: false))
        let after = lm.perplexity(of: Self.corpus(100, seed: 9))
        // Uniform over 10 tokens is 10; the grammar's true perplexity is about 1.4.
        XCTAssertGreaterThan(before, 7)
        XCTAssertLessThan(after, 2.0)
        let good = lm.logProbability(of: [2, 4, 5, 6, 7, 8, 9, 3])
        let scrambled = lm.logProbability(of: [2, 5, 4, 6, 8, 7, 9, 3])
        XCTAssertGreaterThan(good, scrambled + 5)
        let perToken = lm.tokenLogProbabilities(of: [2, 4, 5, 6, 3])
        XCTAssertEqual(perToken.count, 4)
        XCTAssertGreaterThan(perToken[1], log(0.9))  // 5 always follows 4
        XCTAssertEqual(lm.logProbabilities(of: [[2, 4, 5, 6, 7, 8, 9, 3]])[0], good, accuracy: 1e-4)

        let path = NSTemporaryDirectory() + "lm-\(UUID().uuidString).snm"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try lm.save(to: path, metadata: ["vocabulary": ["<pad>", "<unk>", "<s>", "</s>"]])
        let (loaded, meta) = try LSTMLanguageModel.load(from: path, metadata: [String: [String]].self)
        XCTAssertEqual(meta["vocabulary"]?.count, 4)
        XCTAssertEqual(loaded.logProbability(of: [2, 4, 5, 6, 3]), lm.logProbability(of: [2, 4, 5, 6, 3]))
    }

    /// Trained with α > 0 the log-normaliser stays near 0 on held-out text, the model still
    /// learns the grammar, and α is saved. The control: the same start (output biases at
    /// −log V, so log Z begins near 0 either way) trained with α = 0 drifts away from 0.
    func testSelfNormalisedModelKeepsLogZNearZero() throws {
        func trained(_ alpha: Float) -> LSTMLanguageModel {
            let lm = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: 10, embedDim: 8, hiddenSize: 16, dropout: 0, seed: 1,
                                                                   selfNormalisation: alpha))
            for i in 0..<lm.output.bias.count { lm.output.bias.value[i] = -log(Float(10)) }
            lm.train(Self.corpus(600, seed: 1), dev: Self.corpus(100, seed: 2),
                     options: TrainingOptions(epochs: 8, batchSize: 16, learningRate: 0.01, schedule: .constant,
                                              weightDecay: 0, showProgress: false))
            return lm
        }
        let held = Self.corpus(100, seed: 9)
        func meanAbsLogZ(_ lm: LSTMLanguageModel) -> Float {
            let z = lm.tokenScores(of: held).logNormalisers.flatMap { $0 }
            return z.reduce(0) { $0 + abs($1) } / Float(z.count)
        }
        let lm = trained(0.5), plain = trained(0)
        XCTAssertLessThan(lm.perplexity(of: held), 2.0)
        print("mean |log Z| on held-out text: α 0.5 \(meanAbsLogZ(lm)), α 0 \(meanAbsLogZ(plain))")
        XCTAssertLessThan(meanAbsLogZ(lm), 0.3, "mean |log Z| on held-out text")
        XCTAssertGreaterThan(meanAbsLogZ(plain), 0.3, "without the term log Z drifts (the control)")

        let path = NSTemporaryDirectory() + "lm-sn-\(UUID().uuidString).snm"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try lm.save(to: path, metadata: ["vocabulary": ["<pad>", "<unk>", "<s>", "</s>"]])
        let (loaded, _) = try LSTMLanguageModel.load(from: path, metadata: [String: [String]].self)
        XCTAssertEqual(loaded.config.selfNormalisation, 0.5)
    }

    /// Model files written before the field existed read as plain softmax models.
    func testConfigWithoutSelfNormalisationReadsAsZero() throws {
        let json = #"{"vocabSize":5,"embedDim":2,"hiddenSize":3,"dropout":0,"paddingIndex":0,"unknownIndex":1,"maxLength":8,"seed":4}"#
        let config = try JSONDecoder().decode(LanguageModelConfig.self, from: Data(json.utf8))
        XCTAssertEqual(config, LanguageModelConfig(vocabSize: 5, embedDim: 2, hiddenSize: 3, dropout: 0, maxLength: 8, seed: 4))
        XCTAssertEqual(config.selfNormalisation, 0)
    }

    /// A model file whose α is negative is refused, naming the file (JSON cannot hold a NaN).
    func testInvalidSelfNormalisationInAFileIsRefused() throws {
        for alpha: Float in [-0.5, -1e-6] {
            let lm = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: 6, embedDim: 2, hiddenSize: 3, dropout: 0,
                                                                   seed: 2, selfNormalisation: alpha))
            let path = NSTemporaryDirectory() + "lm-bad-\(UUID().uuidString).snm"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try lm.save(to: path, metadata: ["vocabulary": ["<pad>", "<unk>", "<s>", "</s>"]])
            XCTAssertThrowsError(try LSTMLanguageModel.load(from: path, metadata: [String: [String]].self)) { error in
                guard case let ModelArchiveError.malformed(file, reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(file, path)
                XCTAssertTrue(reason.contains("config"), reason)
            }
        }
    }
}
