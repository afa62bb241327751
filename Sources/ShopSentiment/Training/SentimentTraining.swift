import Foundation
import ShopNeural
import ShopCore

/// Settings of one training run (everything but the data).
public struct SentimentTrainingConfig: Sendable {
    public var features: FeatureOptions
    public var minCount: Int
    public var maxFeatures: Int
    public var hyper: LinearHyperParameters
    /// One model per seed; their weights are averaged.
    public var seeds: [UInt64]
    public var language: String?
    public var labelMapping: LabelMapping
    /// Train the deep path too (nil: n-gram path only).
    public var deep: DeepSentimentOptions?
    public var pretrained: PretrainedVectors?
    public var showProgress = false
    /// Recorded in the model's info: where the choices were made.
    public var selection: String?

    public init(features: FeatureOptions = FeatureOptions(), minCount: Int = 2, maxFeatures: Int = 400_000,
                hyper: LinearHyperParameters = LinearHyperParameters(), seeds: [UInt64] = [1],
                language: String? = nil, labelMapping: LabelMapping = LabelMapping()) {
        self.features = features
        self.minCount = minCount
        self.maxFeatures = maxFeatures
        self.hyper = hyper
        self.seeds = seeds
        self.language = language
        self.labelMapping = labelMapping
    }
}

/// Builds the vocabulary, encodes the data on all cores, trains (one run per seed,
/// weights averaged) and returns the model.
public enum SentimentTraining {
    /// Feature keys of many texts, computed in parallel, in input order.
    public static func featureKeys(_ texts: [String], features: FeatureOptions) -> [[UInt64]] {
        let ex = FeatureExtractor(options: features)
        return Parallel.map(texts) { ex.keys(TextUnits($0)) }
    }

    public static func train(train: [LabeledExample], dev: [LabeledExample], config: SentimentTrainingConfig,
                             info: ModelInfo, log: @escaping (String) -> Void = { _ in }) throws -> SentimentModel {
        guard !train.isEmpty else { throw SentimentError.usage("no training examples") }
        let start = Date()
        let labels = LabelMapping.order(Set(train.map(\.label)))
        guard labels.count >= 2 else { throw SentimentError.usage("training data has only one label: \(labels)") }
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let trainKeys = featureKeys(train.map(\.text), features: config.features)
        let vocab = Vocabulary.build(documents: trainKeys, minCount: config.minCount, maxSize: config.maxFeatures)
        log("vocabulary: \(vocab.count) features (min count \(config.minCount), max \(config.maxFeatures))")
        // Without features every text scores the bias alone: a model that answers one
        // probability for everything. Refuse rather than write it.
        guard vocab.count > 0 else {
            throw SentimentError.usage("no feature occurs in \(config.minCount) or more training texts: lower --min-count (the \(train.count) training texts cannot support it)")
        }
        let docs = trainKeys.map { vocab.encode($0) }
        let y = train.map { labelIndex[$0.label]! }
        let devKept = dev.filter { labelIndex[$0.label] != nil }
        if devKept.count < dev.count { log("dev: \(dev.count - devKept.count) examples with labels unseen in training ignored") }
        // The epoch (and the deep mix) are chosen on dev and its accuracy goes into the
        // manifest: with no usable dev example that would be a silent "0.00%".
        guard !dev.isEmpty else { throw SentimentError.usage("no dev examples: give --dev with labelled texts (the best epoch is chosen on them)") }
        guard !devKept.isEmpty else {
            let devLabels = Set(dev.map(\.label)).sorted().prefix(5).joined(separator: ", ")
            throw SentimentError.usage("no dev example has a training label (dev labels: \(devLabels); training labels: \(labels.joined(separator: ", "))); for star ratings use --stars-to-polarity")
        }
        let devDocs = featureKeys(devKept.map(\.text), features: config.features).map { vocab.encode($0) }
        let devY = devKept.map { labelIndex[$0.label]! }

        var sum: LinearScorer? = nil
        for seed in config.seeds {
            let trainer = LinearTrainer(hyper: config.hyper, seed: seed) { epoch, loss, acc in
                log(String(format: "seed %llu epoch %d  loss %.4f  dev accuracy %.2f%%  (%.1fs)", seed, epoch, loss, acc * 100,
                           Date().timeIntervalSince(start)))
            }
            let (scorer, _, _) = trainer.train(docs: docs, labels: y, dev: devDocs, devLabels: devY,
                                               features: vocab.count, labelCount: labels.count)
            // A learning rate far too large overflows the weights; such a model answers
            // NaN, so stop here with the cause instead of writing it.
            guard scorer.weights.allSatisfy(\.isFinite), scorer.bias.allSatisfy(\.isFinite) else {
                throw SentimentError.usage("training diverged (seed \(seed)): weights became infinite or NaN; lower --lr (now \(config.hyper.learningRate))")
            }
            if var s = sum {
                for i in s.weights.indices { s.weights[i] += scorer.weights[i] }
                for i in s.bias.indices { s.bias[i] += scorer.bias[i] }
                sum = s
            } else { sum = scorer }
        }
        var avg = sum!
        let k = Float(config.seeds.count)
        for i in avg.weights.indices { avg.weights[i] /= k }
        for i in avg.bias.indices { avg.bias[i] /= k }
        let devAcc = devDocs.isEmpty ? 0 : LinearTrainer.accuracy(avg, devDocs, devY)
        var info = info
        info.language = config.language
        info.labelMapping = config.labelMapping
        info.trainExamples = train.count
        info.minCount = config.minCount
        info.maxFeatures = config.maxFeatures
        info.hyper = config.hyper
        info.seeds = config.seeds
        info.devAccuracy = devAcc
        info.trainingSeconds = Date().timeIntervalSince(start)
        info.selection = config.selection
        log(String(format: "dev accuracy %.2f%% (seed average), %.1fs", devAcc * 100, info.trainingSeconds))
        let wide = SentimentModel(labels: labels, features: config.features, vocabulary: vocab, scorer: avg, info: info)
        guard let deepOptions = config.deep else { return wide }

        let (deep, usedOptions) = try DeepSentimentTrainer.train(
            texts: train.map(\.text), labels: y, labelCount: labels.count,
            dev: zip(devKept, devY).map { ($0.text, $1) }, options: deepOptions, pretrained: config.pretrained,
            showProgress: config.showProgress, log: log)
        // The mixing weight is the one with the best dev accuracy (ties: nearest an even mix).
        let wideProbs = devDocs.map { avg.probabilities($0) }
        let deepProbs = deep.probabilities(devKept.map(\.text))
        func accuracy(_ w: Float) -> Double {
            guard !devY.isEmpty else { return 0 }
            var right = 0
            for i in devY.indices where argmax(WideDeepMix.mix(wideProbs[i], deepProbs[i], weight: w)) == devY[i] { right += 1 }
            return Double(right) / Double(devY.count)
        }
        let chosen = WideDeepMix.chooseWeight((0...20).map { Float($0) / 20 }, tieBreak: .nearest(0.5), score: accuracy)
        let best = (w: chosen.weight, acc: chosen.score)
        info.deep = usedOptions
        info.deepWeight = best.w
        info.devAccuracyWide = devAcc
        info.devAccuracyDeep = accuracy(1)
        info.devAccuracy = best.acc
        info.trainingSeconds = Date().timeIntervalSince(start)
        log(String(format: "dev accuracy: n-gram %.2f%%, deep %.2f%%, mixed %.2f%% at deep weight %.2f (%.1fs)",
                   devAcc * 100, accuracy(1) * 100, best.acc * 100, best.w, info.trainingSeconds))
        return wide.with(deep: deep, weight: best.w, info: info)
    }

    /// Predicts every example (in parallel) and scores the predictions.
    public static func evaluate(_ model: SentimentModel, _ examples: [LabeledExample]) -> SentimentMetrics {
        let idx = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        let kept = examples.filter { idx[$0.label] != nil }
        var pred = [Int](repeating: 0, count: kept.count)
        pred.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let b = buf
            Parallel.runs(kept.count) { run in
                // Batches of 256 so the deep path (if any) runs padded batches.
                var s = run.lowerBound
                while s < run.upperBound {
                    let e = min(run.upperBound, s + 256)
                    let preds = model.predict(batch: kept[s..<e].map { TextUnits($0.text) })
                    for (k, p) in preds.enumerated() { b[s + k] = p.labelIndex }
                    s = e
                }
            }
        }
        return SentimentMetrics(labels: model.labels, gold: kept.map { idx[$0.label]! }, predicted: pred)
    }
}
