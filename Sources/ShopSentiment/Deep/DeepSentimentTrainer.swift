import Foundation
import ShopNeural
import ShopCore

/// How the deep path is trained (stored in the model's info; see `DeepSentimentPath`).
public struct DeepSentimentOptions: Codable, Sendable, Equatable {
    public var epochs = 4
    public var embedDim = 100
    public var hiddenSize = 64
    public var attentionSize = 64
    public var dropout: Float = 0.3
    public var learningRate: Float = 2e-3
    public var batchSize = 32
    /// Words seen in fewer training texts are read as unknown.
    public var minCount = 2
    /// The most frequent words kept (bounds the model file).
    public var maxVocabulary = 30_000
    /// Tokens read per review (head and tail kept).
    public var maxLength = 128
    public var freezeEmbeddings = false
    /// Where pretrained rows came from (informational), and how many were found.
    public var embeddings: [String] = []
    public var embeddingRowsFound = 0
    public var seed: UInt64 = 1
    /// Networks trained (seeds seed, seed+1, …) and averaged.
    public var networks = 1

    public init() {}
}

/// Trains the deep path with ShopNeural's `Trainer` (AdamW, length buckets, best dev epoch).
public enum DeepSentimentTrainer {
    public static func train(texts: [String], labels: [Int], labelCount: Int, dev: [(text: String, label: Int)],
                             options: DeepSentimentOptions, pretrained: PretrainedVectors?, showProgress: Bool,
                             log: @escaping (String) -> Void) throws -> (path: DeepSentimentPath, options: DeepSentimentOptions) {
        var options = options
        if let pretrained {
            guard pretrained.dimension == options.embedDim else {
                throw SentimentError.usage("--embeddings vectors have \(pretrained.dimension) dimensions but the deep path's embedding has \(options.embedDim); use --deep-embed \(pretrained.dimension)")
            }
            options.embeddings = pretrained.sources
        }
        let trainWords = Parallel.map(texts) { DeepSentimentPath.words($0) }
        var docCount: [String: Int] = [:]
        for words in trainWords { for w in Set(words) { docCount[w, default: 0] += 1 } }
        let vocabulary = docCount.filter { $0.value >= options.minCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(options.maxVocabulary).map(\.key)
        var config = TextClassifierConfig(vocabSize: vocabulary.count + 2, numClasses: labelCount, embedDim: options.embedDim,
                                          hiddenSize: options.hiddenSize, attentionSize: options.attentionSize,
                                          dropout: options.dropout, freezeEmbeddings: options.freezeEmbeddings,
                                          maxLength: options.maxLength, seed: options.seed)
        config.unknownIndex = 1
        let encoder = DeepSentimentPath(network: TextClassifier(config: config), vocabulary: vocabulary)
        let trainSet = zip(trainWords, labels).map { LabeledSequence(tokens: encoder.encode(words: $0), label: $1) }
        let devSet = Parallel.map(dev.map(\.text)) { encoder.encode($0) }.enumerated().map {
            LabeledSequence(tokens: $1, label: dev[$0].label)
        }
        var networks: [TextClassifier] = []
        for k in 0..<max(1, options.networks) {
            let seed = options.seed &+ UInt64(k)
            config.seed = seed
            let network = k == 0 ? encoder.network : TextClassifier(config: config)
            if let pretrained {
                do { options.embeddingRowsFound = try pretrained.initialise(network.embedding, vocabulary: vocabulary, firstID: 2) }
                catch { throw SentimentError.usage("--embeddings: \(error)") }
                if k == 0 {
                    log("deep path: \(options.embeddingRowsFound) of \(vocabulary.count) vocabulary rows start from \(pretrained.sources.joined(separator: ", "))")
                }
            }
            var training = TrainingOptions(epochs: options.epochs, batchSize: options.batchSize,
                                           learningRate: options.learningRate, seed: seed,
                                           selectBy: .accuracy, showProgress: showProgress)
            training.patience = 2
            let start = Date()
            let report = Trainer(model: network, options: training).train(trainSet, dev: devSet.isEmpty ? nil : devSet) { r in
                log(String(format: "deep seed %llu epoch %d: loss %.4f%@, %.0f examples/s", seed, r.epoch, r.trainLoss,
                           r.devMetrics.map { String(format: ", dev accuracy %.2f%%", $0.accuracy * 100) } ?? "",
                           r.examplesPerSecond))
            }
            log(String(format: "deep path seed %llu: vocabulary %d, best epoch %d, %.1fs", seed, vocabulary.count,
                       report.bestEpoch, Date().timeIntervalSince(start)))
            networks.append(network)
        }
        let path = DeepSentimentPath(networks: networks, vocabulary: vocabulary)
        return (path, options)
    }
}
