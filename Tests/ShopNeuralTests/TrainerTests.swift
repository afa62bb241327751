import XCTest
@testable import ShopNeural

final class TrainerTests: XCTestCase {
    func testLengthBucketsPartitionTheDataAndAreSeeded() {
        var rng = SeededRandom(seed: 1)
        let lengths = (0..<1000).map { _ in rng.int(below: 50) }
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7), c = SeededRandom(seed: 8)
        let batches = Trainer.lengthBuckets(lengths: lengths, batchSize: 32, rng: &a)
        XCTAssertEqual(batches.flatMap { $0 }.sorted(), Array(0..<1000))
        XCTAssertTrue(batches.allSatisfy { $0.count <= 32 })
        XCTAssertEqual(batches, Trainer.lengthBuckets(lengths: lengths, batchSize: 32, rng: &b))
        XCTAssertNotEqual(batches, Trainer.lengthBuckets(lengths: lengths, batchSize: 32, rng: &c))
        // Bucketing keeps lengths within a batch close (a random split would spread ~50).
        let spread = batches.map { bt in bt.map { lengths[$0] }.max()! - bt.map { lengths[$0] }.min()! }
        XCTAssertLessThan(Double(spread.reduce(0, +)) / Double(spread.count), 10)
    }

    func testSchedules() {
        XCTAssertEqual(LearningRateSchedule.constant.factor(step: 50, totalSteps: 100), 1)
        let linear = LearningRateSchedule.linear(warmupFraction: 0.1)
        XCTAssertEqual(linear.factor(step: 0, totalSteps: 100), 0.1, accuracy: 1e-6)
        XCTAssertEqual(linear.factor(step: 9, totalSteps: 100), 1, accuracy: 1e-6)
        XCTAssertEqual(linear.factor(step: 55, totalSteps: 100), 0.5, accuracy: 1e-6)
        XCTAssertEqual(LearningRateSchedule.cosine(warmupFraction: 0).factor(step: 50, totalSteps: 100), 0.5, accuracy: 0.02)
    }

    func testKeepsBestDevEpochAndIsReproducible() {
        let train = SyntheticOrderTaskTests.makeExamples(count: 300, seed: 4)
        let dev = SyntheticOrderTaskTests.makeExamples(count: 100, seed: 5)
        func run() -> (TextClassifier, Trainer.Report) {
            let model = TextClassifier(config: TextClassifierConfig(vocabSize: 20, numClasses: 2, embedDim: 8, hiddenSize: 8,
                                                                    attentionSize: 8, dropout: 0.1, seed: 3))
            let report = Trainer(model: model, options: TrainingOptions(epochs: 4, batchSize: 16, learningRate: 0.01,
                                                                        patience: 4, seed: 9, showProgress: false))
                .train(train, dev: dev)
            return (model, report)
        }
        let (model, report) = run()
        let best = report.epochs.map { $0.devMetrics!.macroF1 }.max()!
        XCTAssertEqual(report.bestDevMetrics!.macroF1, best)
        XCTAssertEqual(Trainer.evaluate(model, dev), report.bestDevMetrics!, "model must hold the best epoch's weights")
        let (again, _) = run()
        XCTAssertEqual(again.output.weight.value, model.output.weight.value, "same seeds, same weights")
    }
}
