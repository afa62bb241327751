import XCTest
@testable import ShopNeural

/// The "done when" check: a BiLSTM + attention model trained from scratch learns a task
/// that needs word order — the label says which of two marker tokens comes first.
final class SyntheticOrderTaskTests: XCTestCase {
    /// Tokens: 0 padding, 1 unknown, 2 and 3 the markers, 4..<20 filler.
    static func makeExamples(count: Int, seed: UInt64) -> [LabeledSequence] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let length = 4 + rng.int(below: 9)
            var tokens = (0..<length).map { _ in Int32(4 + rng.int(below: 16)) }
            let first = rng.int(below: length)
            var second = rng.int(below: length - 1)
            if second >= first { second += 1 }
            let label = rng.int(below: 2)
            // label 0: marker 2 before marker 3; label 1: marker 3 before marker 2.
            tokens[min(first, second)] = label == 0 ? 2 : 3
            tokens[max(first, second)] = label == 0 ? 3 : 2
            return LabeledSequence(tokens: tokens, label: label)
        }
    }

    func testLearnsWhichMarkerComesFirst() {
        let train = Self.makeExamples(count: 1500, seed: 1)
        let dev = Self.makeExamples(count: 200, seed: 2)
        let test = Self.makeExamples(count: 500, seed: 3)
        let config = TextClassifierConfig(vocabSize: 20, numClasses: 2, embedDim: 12, hiddenSize: 12,
                                          attentionSize: 12, dropout: 0, seed: 7)
        let model = TextClassifier(config: config)
        let untrained = Trainer.evaluate(model, test).accuracy
        let trainer = Trainer(model: model, options: TrainingOptions(
            epochs: 12, batchSize: 16, learningRate: 0.01, schedule: .constant, weightDecay: 0, patience: 3,
            seed: 11, showProgress: false))
        let report = trainer.train(train, dev: dev)
        let metrics = trainer.evaluate(test)
        print("synthetic order task: untrained \(untrained), held-out accuracy \(metrics.accuracy) after \(report.epochs.count) epochs")
        XCTAssertGreaterThanOrEqual(metrics.accuracy, 0.95, metrics.report(labels: ["2 first", "3 first"]))
        // Attention must be a distribution over the kept tokens.
        let out = model.predict(batch: [test[0].tokens])
        XCTAssertEqual(out[0].attention.count, test[0].tokens.count)
        XCTAssertEqual(out[0].attention.reduce(0, +), 1, accuracy: 1e-4)
    }
}
