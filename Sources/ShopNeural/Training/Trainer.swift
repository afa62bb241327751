import Foundation
import ShopCore

/// Trains a `TextClassifier`: length-bucketed mini-batches, seeded shuffling, AdamW
/// with a learning-rate schedule, early stopping on a dev set (the best epoch's
/// weights are restored at the end), progress on stderr.
public final class Trainer {
    public let model: TextClassifier
    public var options: TrainingOptions

    public struct EpochRecord: Sendable {
        public let epoch: Int
        public let trainLoss: Float
        public let devMetrics: ClassificationMetrics?
        public let examplesPerSecond: Double
    }

    public struct Report: Sendable {
        public let epochs: [EpochRecord]
        /// 1-based epoch whose weights the model holds now (the last one without a dev set).
        public let bestEpoch: Int
        public let bestDevMetrics: ClassificationMetrics?
        public let stoppedEarly: Bool
    }

    public init(model: TextClassifier, options: TrainingOptions = TrainingOptions()) {
        self.model = model
        self.options = options
    }

    /// Trains and returns per-epoch figures. `onEpoch` sees each epoch as it ends.
    /// Labels must be in `0..<numClasses` (checked: validate data before calling).
    @discardableResult
    public func train(_ examples: [LabeledSequence], dev: [LabeledSequence]? = nil,
                      onEpoch: ((EpochRecord) -> Void)? = nil) -> Report {
        if let bad = examples.first(where: { !(0..<model.config.numClasses).contains($0.label) }) {
            preconditionFailure("Trainer: label \(bad.label) is outside 0..<\(model.config.numClasses)")
        }
        var rng = SeededRandom(seed: options.seed)
        let optimizer = Adam(parameters: model.parameters, learningRate: options.learningRate,
                             weightDecay: options.weightDecay, clipNorm: options.clipNorm)
        let ws = TextClassifier.Workspace()
        let lengths = examples.map { min($0.tokens.count, model.config.maxLength) }
        let batchesPerEpoch = (examples.count + options.batchSize - 1) / max(options.batchSize, 1)
        let totalSteps = batchesPerEpoch * options.epochs
        var records: [EpochRecord] = []
        var best: (score: Double, epoch: Int, metrics: ClassificationMetrics?, weights: [[Float]])?
        var sinceBest = 0
        var stoppedEarly = false
        var step = 0
        for epoch in 1...max(options.epochs, 1) {
            let batches = Self.lengthBuckets(lengths: lengths, batchSize: options.batchSize, rng: &rng)
            let bar = ProgressBar(total: examples.count, label: "epoch \(epoch)/\(options.epochs)",
                                  enabled: options.showProgress)
            let started = Date()
            var lossSum: Double = 0, seen = 0
            for batch in batches {
                optimizer.learningRate = options.learningRate * options.schedule.factor(step: step, totalSteps: totalSteps)
                optimizer.zeroGrad()
                let loss = model.lossAndGradients(batch: batch.map { examples[$0].tokens },
                                                  wide: model.wide == nil ? nil : batch.map { examples[$0].wide },
                                                  labels: batch.map { examples[$0].label },
                                                  classWeights: options.classWeights, training: true, rng: &rng,
                                                  workspace: ws)
                optimizer.step()
                step += 1
                lossSum += Double(loss) * Double(batch.count)
                seen += batch.count
                bar.update(done: seen, loss: Float(lossSum / Double(seen)))
            }
            let meanLoss = Float(lossSum / Double(max(seen, 1)))
            bar.finish(loss: meanLoss)
            let speed = Double(seen) / max(Date().timeIntervalSince(started), 1e-9)
            let metrics = dev.map { evaluate($0) }
            let record = EpochRecord(epoch: epoch, trainLoss: meanLoss, devMetrics: metrics, examplesPerSecond: speed)
            records.append(record)
            onEpoch?(record)
            if let metrics {
                let score = options.selectBy == .accuracy ? metrics.accuracy : metrics.macroF1
                if best == nil || score > best!.score {
                    best = (score, epoch, metrics, model.parameters.map(\.value))
                    sinceBest = 0
                } else {
                    sinceBest += 1
                    if sinceBest >= options.patience && epoch < options.epochs { stoppedEarly = true; break }
                }
            }
        }
        if let best {
            for (p, w) in zip(model.parameters, best.weights) { p.value = w }
            return Report(epochs: records, bestEpoch: best.epoch, bestDevMetrics: best.metrics, stoppedEarly: stoppedEarly)
        }
        return Report(epochs: records, bestEpoch: records.count, bestDevMetrics: nil, stoppedEarly: false)
    }

    /// Metrics of the model on labelled examples.
    public func evaluate(_ examples: [LabeledSequence]) -> ClassificationMetrics {
        Self.evaluate(model, examples)
    }

    public static func evaluate(_ model: TextClassifier, _ examples: [LabeledSequence]) -> ClassificationMetrics {
        let predicted = model.predictClasses(batch: examples.map(\.tokens),
                                             wide: model.wide == nil ? nil : examples.map(\.wide))
        return ClassificationMetrics(predicted: predicted, gold: examples.map(\.label), numClasses: model.config.numClasses)
    }

    /// Mini-batches of indices with similar lengths: shuffle, sort by length within
    /// pools of 50 batches, cut into batches, shuffle the batches.
    static func lengthBuckets(lengths: [Int], batchSize: Int, rng: inout SeededRandom) -> [[Int]] {
        var order = Array(lengths.indices)
        order.shuffle(using: &rng)
        let pool = max(batchSize, 1) * 50
        var batches: [[Int]] = []
        var start = 0
        while start < order.count {
            let slice = order[start..<min(start + pool, order.count)].sorted { lengths[$0] < lengths[$1] }
            var i = 0
            while i < slice.count {
                batches.append(Array(slice[i..<min(i + max(batchSize, 1), slice.count)]))
                i += max(batchSize, 1)
            }
            start += pool
        }
        batches.shuffle(using: &rng)
        return batches
    }
}
