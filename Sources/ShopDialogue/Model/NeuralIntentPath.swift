import Foundation
import ShopNeural

/// The deep path: ShopNeural's `TextClassifier` (embedding → BiLSTM → additive attention
/// → dense, plus its hashed word-bigram bag) over the message's tokens (Latin words and
/// single CJK characters, digits folded). Its attention weights explain decisions.
public final class NeuralIntentPath: DeepIntentPath, @unchecked Sendable {
    /// What the deep path stores beside its weights: the token vocabulary.
    struct Metadata: Codable {
        var vocabulary: [String]
        var wideBigrams: Bool
    }

    let network: TextClassifier
    let vocabulary: [String: Int32]
    let wideBigrams: Bool
    /// How the embedding layer was started, when it was trained here with pretrained
    /// vectors (not stored in the model file; the CLI records it in the model's info).
    public internal(set) var embeddingInit: EmbeddingInitReport?

    init(network: TextClassifier, vocabulary: [String], wideBigrams: Bool) {
        self.network = network
        var v: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() { v[w] = Int32(i + 2) } // 0 padding, 1 unknown
        self.vocabulary = v
        self.wideBigrams = wideBigrams
        self.vocabularyList = vocabulary
    }

    private let vocabularyList: [String]

    /// Token ids and hashed wide features of a message, plus its tokens.
    func encode(_ text: String) -> (ids: [Int32], wide: [Int32], tokens: [String]) {
        let toks = IntentTokenizer.tokens(text).map(\.text)
        var ids = toks.map { vocabulary[$0] ?? 1 }
        if ids.isEmpty { ids = [1] }
        var wide: [Int32] = []
        let buckets = network.config.wideBuckets
        if buckets > 0 {
            for t in toks { wide.append(EmbeddingBag.bucket(for: "w:" + t, buckets: buckets)) }
            if wideBigrams, toks.count > 1 {
                for i in 0..<(toks.count - 1) { wide.append(EmbeddingBag.bucket(for: "b:" + toks[i] + " " + toks[i + 1], buckets: buckets)) }
            }
            if wide.isEmpty { wide = [EmbeddingBag.bucket(for: "<empty>", buckets: buckets)] }
        }
        return (ids, wide, toks)
    }

    public func probabilities(_ text: String) -> [Float] {
        let e = encode(text)
        return network.predict(batch: [e.ids], wide: network.config.wideBuckets > 0 ? [e.wide] : nil)[0].probabilities
    }

    public func attention(_ text: String) -> [WordWeight]? {
        let e = encode(text)
        let out = network.predict(batch: [e.ids], wide: network.config.wideBuckets > 0 ? [e.wide] : nil)[0]
        guard !e.tokens.isEmpty else { return [] }
        return zip(e.tokens, out.attention).map { WordWeight(word: $0, weight: $1) }
    }

    public func serialized() throws -> [UInt8] {
        var archive = ModelArchive(kind: TextClassifier.archiveKind, config: try JSONEncoder().encode(network.config),
                                   appMetadata: try JSONEncoder().encode(Metadata(vocabulary: vocabularyList, wideBigrams: wideBigrams)))
        for p in network.parameters { archive.add(p) }
        return Array(try archive.encoded(storage: .float16))
    }

    /// Rebuilds the deep path from `serialized()` bytes.
    public static func deserialize(_ bytes: [UInt8], file: String) throws -> NeuralIntentPath {
        let archive = try ModelArchive.decode(Data(bytes), file: file)
        let net = try TextClassifier.load(archive: archive)
        let meta = try archive.decodeAppMetadata(Metadata.self)
        return NeuralIntentPath(network: net, vocabulary: meta.vocabulary, wideBigrams: meta.wideBigrams)
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
    /// `embedDim`, else training throws `NeuralIntentTrainerError.embeddingDimensionMismatch`.
    public var pretrained: PretrainedTokenVectors?

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
