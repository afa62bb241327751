import ShopCore
import Foundation
import ShopNeural

/// The deep path: ShopNeural's `DeepTextPath` (embedding → BiLSTM → additive attention →
/// dense, plus its hashed word-bigram bag) over the message's tokens (Latin words and
/// single CJK characters, digits folded). Its attention weights explain decisions.
public final class NeuralIntentPath: DeepIntentPath, @unchecked Sendable {
    /// The shared deep path (ids, bag, attention, file format).
    let path: DeepTextPath
    var network: TextClassifier { path.network }
    /// Token → id as the network reads it (ids from 2; 0 is padding, 1 unknown).
    var vocabulary: [String: Int32] {
        Dictionary(uniqueKeysWithValues: path.vocabulary.enumerated().map { ($1, Int32($0 + 2)) })
    }
    /// How the embedding layer was started, when it was trained here with pretrained
    /// vectors (not stored in the model file; the CLI records it in the model's info).
    public internal(set) var embeddingInit: EmbeddingInitReport?

    /// Messages are short: the network keeps the head of a long one.
    init(network: TextClassifier, vocabulary: [String], wideBigrams: Bool) {
        path = DeepTextPath(networks: [network], vocabulary: vocabulary, keepsTail: false, wideBigrams: wideBigrams)
    }

    private init(path: DeepTextPath) {
        self.path = path
    }

    static func tokens(_ text: String) -> [String] { IntentTokenizer.tokens(text).map(\.text) }

    /// Token ids and hashed bag features of a message, plus its tokens.
    func encode(_ text: String) -> (ids: [Int32], wide: [Int32], tokens: [String]) {
        let toks = Self.tokens(text)
        return (path.encode(words: toks), path.bag(words: toks), toks)
    }

    public func probabilities(_ text: String) -> [Float] {
        path.probabilities([Self.tokens(text)])[0]
    }

    public func attention(_ text: String) -> [WordWeight]? {
        let out = path.run([Self.tokens(text)], attention: true)[0]
        return zip(out.words, out.attention).map { WordWeight(word: $0, weight: $1) }
    }

    public func serialized() throws -> [UInt8] {
        Array(try path.serialized()[0])
    }

    /// Rebuilds the deep path from `serialized()` bytes.
    public static func deserialize(_ bytes: [UInt8], file: String) throws -> NeuralIntentPath {
        let path = try DeepTextPath.deserialize([Data(bytes)], file: file, keepsTail: false)
        guard path.networks.count == 1, path.wideBigrams != nil else {
            throw ModelArchiveError.malformed(file: file, reason: "not an intent deep path")
        }
        return NeuralIntentPath(path: path)
    }
}

/// Trains the deep path with ShopNeural's `Trainer` (AdamW, best dev epoch kept).
public struct NeuralIntentTrainer: DeepPathTraining {
    public var epochs = 6
    public var embedDim = 96
    public var hiddenSize = 96
    public var attentionSize = 64
    public var wideBuckets = 0
    public var wideDim = 64
    public var dropout: Float = 0.25
    public var learningRate: Float = 3e-3
    public var batchSize = 32
    public var minCount = 1
    public var seed: UInt64 = 42
    public var showProgress = false
    /// Vectors to start the embedding layer from (nil = random). Their dimension must equal
    /// `embedDim`, else training throws `PretrainedVectorsError.dimensionMismatch`.
    public var pretrained: PretrainedVectors?

    public init() {}

    public func train(_ texts: [String], labels: [Int], labelNames: [String], dev: [(String, Int)],
                      log: @escaping (String) -> Void) throws -> DeepIntentPath {
        var counts: [String: Int] = [:]
        for t in texts { for tok in IntentTokenizer.tokens(t) { counts[tok.text, default: 0] += 1 } }
        let vocab = counts.filter { $0.value >= minCount }.keys.sorted()
        var config = TextClassifierConfig(vocabSize: vocab.count + 2, numClasses: labelNames.count, embedDim: embedDim,
                                          hiddenSize: hiddenSize, attentionSize: attentionSize, dropout: dropout,
                                          wideBuckets: wideBuckets, wideDim: wideDim, seed: seed)
        config.maxLength = 64
        config.freezeEmbeddings = pretrained?.freeze ?? false
        let path = NeuralIntentPath(network: TextClassifier(config: config), vocabulary: vocab, wideBigrams: true)
        if let pretrained {
            let found = try pretrained.initialise(path.network.embedding, vocabulary: vocab, firstID: 2)
            path.embeddingInit = EmbeddingInitReport(rows: vocab.count, found: found, frozen: pretrained.freeze)
            log("deep path: \(found) of \(vocab.count) embedding rows from pretrained vectors\(pretrained.freeze ? " (frozen)" : "")")
        }
        func seq(_ text: String, _ label: Int) -> LabeledSequence {
            let e = path.encode(text)
            return LabeledSequence(tokens: e.ids, wide: e.wide, label: label)
        }
        let trainSet = zip(texts, labels).map { seq($0, $1) }
        let devSet = dev.map { seq($0.0, $0.1) }
        var options = TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate, seed: seed,
                                      selectBy: .accuracy, showProgress: showProgress)
        options.patience = epochs
        let start = Date()
        let report = Trainer(model: path.network, options: options).train(trainSet, dev: devSet.isEmpty ? nil : devSet) { r in
            log(String(format: "  deep epoch %d: loss %.4f%@, %.0f ex/s", r.epoch, r.trainLoss,
                       r.devMetrics.map { String(format: ", dev accuracy %.4f", $0.accuracy) } ?? "", r.examplesPerSecond))
        }
        log(String(format: "deep path: %d tokens, best epoch %d, %.1fs", vocab.count, report.bestEpoch, Date().timeIntervalSince(start)))
        return path
    }
}
