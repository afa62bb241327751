import Foundation
import ShopEmbeddings
import ShopNeural

/// How an aspect-polarity model is trained.
public struct AspectPolarityOptions: Codable, Sendable, Equatable {
    public var epochs = 20
    /// Stop after this many epochs without a better dev score.
    public var patience = 5
    public var batchSize = 32
    public var learningRate: Float = 2e-3
    public var weightDecay: Float = 1e-4
    public var embedDim = 100
    public var hiddenSize = 64
    public var attentionSize = 64
    public var dropout: Float = 0.5
    public var freezeEmbeddings = false
    /// Share of the training sentences held out as dev (chosen by `seed`).
    public var devFraction = 0.1
    /// Most frequent words of the pretrained vectors added to the vocabulary beside the
    /// training words, so test words never seen in training still have their vector.
    public var pretrainedWords = 10_000
    /// Weight the loss by inverse class frequency (helps macro-F1 when neutral is rare).
    public var balanceClasses = false
    public var seed: UInt64 = 1
    /// A sentiment model (`sentiment train --deep-epochs …`) whose deep path starts the
    /// embedding rows it knows and the BiLSTM: review-level sentiment pretraining, which
    /// the ~3k aspect terms of SemEval are too few to learn alone.
    public var initFrom: String?
    /// A review-level sentiment model (e.g. `sentiment train --fast` on review corpora that
    /// hold no SemEval text, so dev is not flattered) whose opinion of the aspect's clause and
    /// sentence is mixed into the network's probabilities, the mix chosen on dev
    /// (`AspectPolarityMix`); the file is stored inside the aspect model.
    public var transferFrom: String?
    /// LCF-style local context of the network (`AspectPolarityConfig.localContext`); nil: none.
    public var localContext: Int?
    /// Max and mean over all states beside attention (`AspectPolarityConfig.maxMeanPooling`).
    public var maxMeanPooling: Bool?
    /// Taggers only: seeds the network and the batch order apart from the dev carve (which
    /// stays `seed`'s), so several members of an ensemble share one dev set. nil: `seed`.
    public var memberSeed: UInt64?
    /// Also tune a negative-class offset with the neutral bias of the transfer mix (`AspectPolarityMix.tune`).
    public var classOffsets: Bool?

    public init() {}

    /// The shipped recipe (dev-chosen, Benchmarks/results/polar.md, absa3.md): the network starts from
    /// `sentiment-en.model`'s deep path and mixes in the transfer sentiment model stored
    /// inside `absa-en.model`, both from `modelsFolder` (each only when the file exists), the
    /// mix with class offsets.
    public static func recommended(modelsFolder: String) -> AspectPolarityOptions {
        var o = AspectPolarityOptions()
        let fm = FileManager.default
        let sentiment = (modelsFolder as NSString).appendingPathComponent("sentiment-en.model")
        let aspects = (modelsFolder as NSString).appendingPathComponent("absa-en.model")
        if fm.fileExists(atPath: sentiment) { o.initFrom = sentiment }
        if fm.fileExists(atPath: aspects) { o.transferFrom = aspects }
        // Won on dev over seeds 1–3 (Benchmarks/results/absa3.md); no gain on test.
        o.classOffsets = true
        return o
    }
}

/// What one training run reports.
public struct AspectPolarityTrainingReport: Sendable {
    public var bestEpoch: Int
    public var dev: SentimentMetrics
    public var trainExamples: Int
    public var devExamples: Int
    public var secondsPerEpoch: Double
    public var embeddingRowsFound: Int
}

/// Trains `AspectPolarityModel`s on SemEval-2014-style sentences with AdamW, keeping the
/// epoch with the best dev score (mean of accuracy and macro-F1).
public enum AspectPolarityTrainer {
    /// Trains on `sentences` (a seeded share held out as dev, split by sentence so one
    /// sentence's terms never sit on both sides). `embeddings` is a ShopNLP vectors file
    /// whose rows start the embedding layer.
    /// `extra` sentences (e.g. the other domain) are trained on but never carved into dev.
    public static func train(sentences: [ABSASentence], extra: [ABSASentence] = [], options: AspectPolarityOptions, embeddings: String?,
                             log: (String) -> Void) throws -> (AspectPolarityModel, AspectPolarityTrainingReport) {
        var rng = SeededRandom(seed: options.seed &+ 0x5eed)
        var (trainSentences, devSentences) = carve(sentences, options: options, rng: &rng)
        trainSentences += extra

        let vectors = try embeddings.map { try VectorsFile.load($0) }
        if let vectors, vectors.dimension != options.embedDim {
            throw SentimentError.usage("\(embeddings ?? ""): vectors have \(vectors.dimension) dimensions but the model's embedding has \(options.embedDim)")
        }
        // Vocabulary: every training word, then the most frequent pretrained words.
        var vocabulary: [String] = [], seen = Set<String>()
        for s in trainSentences {
            for w in DeepSentimentPath.words(s.text) where seen.insert(w).inserted { vocabulary.append(w) }
        }
        if let vectors {
            for w in vectors.words.prefix(options.pretrainedWords) where seen.insert(w).inserted { vocabulary.append(w) }
        }
        var config = AspectPolarityConfig(vocabSize: vocabulary.count + 2)
        config.embedDim = options.embedDim
        config.hiddenSize = options.hiddenSize
        config.attentionSize = options.attentionSize
        config.dropout = options.dropout
        config.seed = options.seed
        config.localContext = options.localContext.flatMap { $0 > 0 ? $0 : nil }
        config.maxMeanPooling = options.maxMeanPooling == true ? true : nil
        let network = AspectPolarityNetwork(config: config)
        var found = 0
        if let vectors {
            found = network.embedding.initialise(vocabulary: vocabulary, firstID: 2) { vectors.vector(for: $0) }
            log("\(found) of \(vocabulary.count) vocabulary rows start from \(embeddings ?? "")")
        }
        if let initFrom = options.initFrom {
            let copied = try transfer(from: initFrom, to: network, vocabulary: vocabulary)
            log("\(copied) of \(vocabulary.count) vocabulary rows and the BiLSTM start from the deep path of \(initFrom)")
        }
        network.embedding.weight.isFrozen = options.freezeEmbeddings
        let model = AspectPolarityModel(network: network, vocabulary: vocabulary)

        func examples(_ ss: [ABSASentence]) -> [(AspectPolarityInput, Int)] {
            ss.flatMap { s in
                s.terms.compactMap { t in
                    AspectPolarityModel.labels.firstIndex(of: t.polarity).map { (model.input(text: s.text, from: t.from, to: t.to), $0) }
                }
            }
        }
        var train = examples(trainSentences)
        let dev = examples(devSentences)
        guard !train.isEmpty else { throw SentimentError.usage("no training terms with polarity positive, negative or neutral") }
        var classWeights: [Float]? = nil
        if options.balanceClasses {
            var counts = [Float](repeating: 0, count: AspectPolarityModel.labels.count)
            for e in train { counts[e.1] += 1 }
            let total = counts.reduce(0, +)
            classWeights = counts.map { $0 > 0 ? total / (Float(counts.count) * $0) : 0 }
        }
        log("\(train.count) training terms, \(dev.count) dev terms (\(trainSentences.count)/\(devSentences.count) sentences), vocabulary \(vocabulary.count)")

        let adam = Adam(parameters: network.parameters, learningRate: options.learningRate,
                        weightDecay: options.weightDecay, clipNorm: 5)
        let ws = AspectPolarityNetwork.Workspace()
        var best: (score: Double, epoch: Int, metrics: SentimentMetrics, values: [[Float]])? = nil
        var totalSeconds = 0.0, epochsRun = 0
        for epoch in 1...max(1, options.epochs) {
            let start = Date()
            for i in stride(from: train.count - 1, to: 0, by: -1) { train.swapAt(i, rng.int(below: i + 1)) }
            var lossSum = 0.0, batches = 0
            var k = 0
            while k < train.count {
                let part = train[k..<min(train.count, k + options.batchSize)]
                adam.zeroGrad()
                let loss = withUnsafeMutablePointer(to: &rng) { p in
                    network.lossAndGradients(part.map(\.0), labels: part.map(\.1), classWeights: classWeights,
                                             rng: p, workspace: ws)
                }
                adam.step()
                lossSum += Double(loss); batches += 1
                k += options.batchSize
            }
            let seconds = Date().timeIntervalSince(start)
            totalSeconds += seconds; epochsRun += 1
            let metrics = evaluate(model, dev.isEmpty ? train : dev)
            let score = (metrics.accuracy + metrics.macroF1) / 2
            log(String(format: "seed %llu epoch %d: loss %.4f, dev accuracy %.2f%%, macro-F1 %.2f, %.1fs", options.seed, epoch,
                       lossSum / Double(max(1, batches)), metrics.accuracy * 100, metrics.macroF1 * 100, seconds))
            if best == nil || score > best!.score {
                best = (score, epoch, metrics, network.parameters.map(\.value))
            } else if epoch - best!.epoch >= options.patience {
                break
            }
        }
        for (p, v) in zip(network.parameters, best!.values) { p.value = v }
        var devMetrics = best!.metrics
        model.training = [
            "bestEpoch": String(best!.epoch),
            "devAccuracy": String(format: "%.4f", best!.metrics.accuracy),
            "devMacroF1": String(format: "%.4f", best!.metrics.macroF1),
            "trainTerms": String(train.count),
            "seed": String(options.seed),
            "embeddings": embeddings ?? "",
        ]
        if let transferFrom = options.transferFrom {
            devMetrics = try attachTransfer(transferFrom, to: model, dev: devSentences, classOffsets: options.classOffsets == true, log: log).mixed
        }
        let report = AspectPolarityTrainingReport(bestEpoch: best!.epoch, dev: devMetrics, trainExamples: train.count,
                                                  devExamples: dev.count, secondsPerEpoch: totalSeconds / Double(max(1, epochsRun)),
                                                  embeddingRowsFound: found)
        return (model, report)
    }

    /// The seeded train / dev split by sentence (`rng` continues into training, so the
    /// carve and the batch order stay those of earlier builds).
    static func carve(_ sentences: [ABSASentence], options: AspectPolarityOptions, rng: inout SeededRandom)
        -> (train: [ABSASentence], dev: [ABSASentence]) {
        var order = Array(sentences.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(below: i + 1)) }
        let devCount = Int((Double(sentences.count) * options.devFraction).rounded())
        return (order.dropFirst(devCount).map { sentences[$0] }, order.prefix(devCount).map { sentences[$0] })
    }

    /// The dev sentences `train` holds out for these training sentences and options.
    public static func devSentences(_ sentences: [ABSASentence], options: AspectPolarityOptions) -> [ABSASentence] {
        var rng = SeededRandom(seed: options.seed &+ 0x5eed)
        return carve(sentences, options: options, rng: &rng).dev
    }

    /// Chooses the mix of the sentiment model at `path` on the dev terms and sets it as
    /// `model`'s transfer. Returns the dev scores of the network alone and of the mix.
    @discardableResult
    public static func attachTransfer(_ path: String, to model: AspectPolarityModel, dev: [ABSASentence], classOffsets: Bool = false,
                                      log: (String) -> Void) throws -> (network: SentimentMetrics, mixed: SentimentMetrics) {
        let base = try AspectSentimentTransfer.read(path, mix: AspectPolarityMix(window: AspectPolarityMix.windows[0]))
        model.transfer = nil
        let (contexts, gold) = AspectPolarityModel.goldTerms(dev)
        guard !gold.isEmpty else { throw SentimentError.usage("no dev terms to choose the transfer mix on") }
        let net = model.probabilities(contexts)
        let alone = SentimentMetrics(labels: AspectPolarityModel.labels, gold: gold,
                                     predicted: net.map { p in p.indices.max { p[$0] < p[$1] } ?? 0 })
        let evidence = base.evidence(contexts, windows: AspectPolarityMix.windows)
        let (mix, mixed) = AspectPolarityMix.tune(probabilities: net, evidence: evidence, gold: gold, classOffsets: classOffsets)
        model.transfer = base.with(mix: mix)
        model.training["transferFrom"] = (path as NSString).lastPathComponent
        model.training["devAccuracyNetwork"] = String(format: "%.4f", alone.accuracy)
        model.training["devMacroF1Network"] = String(format: "%.4f", alone.macroF1)
        model.training["devAccuracy"] = String(format: "%.4f", mixed.accuracy)
        model.training["devMacroF1"] = String(format: "%.4f", mixed.macroF1)
        log(String(format: "transfer from %@: window %d, weights %.2f (window) %.2f (sentence), neutral bias %.2f, penalty %.2f, negative bias %.2f; dev accuracy %.2f%% → %.2f%%, macro-F1 %.2f → %.2f",
                   path, mix.window, mix.windowWeight, mix.sentenceWeight, mix.neutralBias, mix.neutralPenalty, mix.negativeBias ?? 0,
                   alone.accuracy * 100, mixed.accuracy * 100, alone.macroF1 * 100, mixed.macroF1 * 100))
        return (alone, mixed)
    }

    /// Copies a sentiment model's deep-path embedding rows (by word) and BiLSTM weights into
    /// `network` (the aspect flag's input column keeps its random start). Returns the rows copied.
    static func transfer(from path: String, to network: AspectPolarityNetwork, vocabulary: [String]) throws -> Int {
        let source = try SentimentModelFile.read(path)
        guard let deep = source.deep else {
            throw SentimentError.modelFile(path: path, reason: "has no deep path to start from (train it with --deep-epochs)")
        }
        let net = deep.network, E = network.config.embedDim, H = network.config.hiddenSize
        guard net.config.embedDim == E, net.config.hiddenSize == H else {
            throw SentimentError.modelFile(path: path, reason: "deep path has embedding \(net.config.embedDim), hidden \(net.config.hiddenSize); the aspect model needs \(E), \(H)")
        }
        var index: [String: Int] = [:]
        for (i, w) in deep.vocabulary.enumerated() where index[w] == nil { index[w] = i + 2 }
        var copied = 0
        let src = net.embedding.weight.value
        for (i, w) in vocabulary.enumerated() {
            guard let r = index[w] else { continue }
            network.embedding.setVector(Array(src[(r * E)..<((r + 1) * E)]), for: i + 2)
            copied += 1
        }
        network.embedding.setVector(Array(src[E..<(2 * E)]), for: 1)
        for (to, from) in [(network.encoder.forwardLSTM, net.encoder.forwardLSTM), (network.encoder.reverseLSTM, net.encoder.reverseLSTM)] {
            for r in 0..<(4 * H) {
                for c in 0..<E { to.weightIH.value[r * (E + 1) + c] = from.weightIH.value[r * E + c] }
            }
            to.weightHH.value = from.weightHH.value
            to.bias.value = from.bias.value
        }
        return copied
    }

    static func evaluate(_ model: AspectPolarityModel, _ examples: [(AspectPolarityInput, Int)]) -> SentimentMetrics {
        let predicted = model.network.predict(examples.map(\.0)).map { p in
            p.probabilities.indices.max { p.probabilities[$0] < p.probabilities[$1] } ?? 0
        }
        return SentimentMetrics(labels: AspectPolarityModel.labels, gold: examples.map(\.1), predicted: predicted)
    }
}
