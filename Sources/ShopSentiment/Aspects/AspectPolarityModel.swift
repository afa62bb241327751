import Foundation
import ShopNeural

/// A trained aspect-polarity network with its vocabulary: says whether a sentence is
/// positive, negative or neutral about one aspect term in it.
///
/// Words are the shared tokenizer's normalised words (`DeepSentimentPath.words`), the
/// same words our embeddings are trained on.
public final class AspectPolarityModel: @unchecked Sendable {
    /// The ModelArchive kind of these files.
    public static let kind = "AspectPolarityNetwork"
    /// Bumped whenever the network or its inputs change meaning; files of another version are refused.
    public static let version = 1
    /// Class names in output order.
    public static let labels = ["negative", "neutral", "positive"]

    /// What the file stores beside the weights.
    public struct Metadata: Codable, Sendable {
        public var absaVersion: Int
        public var labels: [String]
        public var vocabulary: [String]
        /// How the model was made (command line, data, dev scores).
        public var training: [String: String]
    }

    public let network: AspectPolarityNetwork
    /// Words in id order from id 2 (0 is padding, 1 unknown).
    public let vocabulary: [String]
    public var training: [String: String]
    private let ids: [String: Int32]

    public init(network: AspectPolarityNetwork, vocabulary: [String], training: [String: String] = [:]) {
        self.network = network
        self.vocabulary = vocabulary
        self.training = training
        var v: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() where v[w] == nil { v[w] = Int32(i + 2) }
        ids = v
    }

    /// Token ids of words (1 for unknown).
    public func encode(words: [String]) -> [Int32] { words.map { ids[$0] ?? 1 } }

    /// The input for the term between `left` and `right` (texts around it).
    public func input(left: String, term: String, right: String) -> AspectPolarityInput {
        let l = DeepSentimentPath.words(left), t = DeepSentimentPath.words(term), r = DeepSentimentPath.words(right)
        return AspectPolarityInput(tokens: encode(words: l + t + r), aspectStart: l.count, aspectCount: max(1, t.count))
    }

    /// The input for a term given by character offsets into `text` (SemEval's `from`/`to`).
    public func input(text: String, from: Int, to: Int) -> AspectPolarityInput {
        let (l, t, r) = Self.split(text, from: from, to: to)
        return input(left: l, term: t, right: r)
    }

    static func split(_ text: String, from: Int, to: Int) -> (String, String, String) {
        let chars = Array(text)
        let a = min(max(0, from), chars.count), b = min(max(a, to), chars.count)
        return (String(chars[0..<a]), String(chars[a..<b]), String(chars[b...]))
    }

    /// Label, its probability and all class probabilities for each input.
    public func predict(_ inputs: [AspectPolarityInput]) -> [(label: String, score: Float, probabilities: [Float])] {
        network.predict(inputs).map { p in
            let best = p.probabilities.indices.max { p.probabilities[$0] < p.probabilities[$1] } ?? 0
            return (Self.labels[best], p.probabilities[best], p.probabilities)
        }
    }

    /// Accuracy, macro-F1 and per-class scores on gold terms (conflict terms left out).
    public func evaluate(_ sentences: [ABSASentence]) -> SentimentMetrics {
        Self.evaluate(ensemble: [self], sentences)
    }

    /// The same scores for the mean class probabilities of several models (e.g. one per
    /// seed; each reads the words through its own vocabulary).
    public static func evaluate(ensemble models: [AspectPolarityModel], _ sentences: [ABSASentence]) -> SentimentMetrics {
        var terms: [(text: String, from: Int, to: Int)] = [], gold: [Int] = []
        for s in sentences {
            for t in s.terms {
                guard let g = labels.firstIndex(of: t.polarity) else { continue }
                terms.append((s.text, t.from, t.to))
                gold.append(g)
            }
        }
        var sum = [[Float]](repeating: [Float](repeating: 0, count: labels.count), count: terms.count)
        for m in models {
            for (i, p) in m.network.predict(terms.map { m.input(text: $0.text, from: $0.from, to: $0.to) }).enumerated() {
                for j in sum[i].indices { sum[i][j] += p.probabilities[j] }
            }
        }
        let predicted = sum.map { p in p.indices.max { p[$0] < p[$1] } ?? 0 }
        return SentimentMetrics(labels: labels, gold: gold, predicted: predicted)
    }

    // MARK: Files

    /// Writes the model (float16 by default: these files ship in Models/).
    public func save(to path: String, storage: ModelArchive.Storage = .float16) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var archive = ModelArchive(kind: Self.kind, config: try enc.encode(network.config),
                                   appMetadata: try enc.encode(Metadata(absaVersion: Self.version, labels: Self.labels,
                                                                        vocabulary: vocabulary, training: training)))
        for p in network.parameters { archive.add(p) }
        try archive.write(to: path, storage: storage)
    }

    /// Reads a model file, refusing other kinds, other versions and wrong shapes with an
    /// error that names the file.
    public static func load(_ path: String) throws -> AspectPolarityModel {
        let archive = try ModelArchive.read(from: path, kind: kind)
        let meta = try archive.decodeAppMetadata(Metadata.self)
        guard meta.absaVersion == version else {
            throw SentimentError.modelFile(path: path, reason: "aspect model version \(meta.absaVersion); this build reads version \(version) (retrain with `shopnlp sentiment absa train`)")
        }
        guard meta.labels == labels else {
            throw SentimentError.modelFile(path: path, reason: "labels \(meta.labels), expected \(labels)")
        }
        let config = try archive.decodeConfig(AspectPolarityConfig.self)
        guard config.vocabSize == meta.vocabulary.count + 2, config.numClasses == labels.count,
              config.embedDim > 0, config.hiddenSize > 0, config.attentionSize > 0, config.maxLength > 0 else {
            throw SentimentError.modelFile(path: path, reason: "config does not match the vocabulary or labels")
        }
        for p in [("embedding.weight", config.vocabSize, config.embedDim),
                  ("output.weight", config.numClasses, 4 * config.hiddenSize)] {
            try archive.expectShape(p.0, rows: p.1, cols: p.2)
        }
        let network = AspectPolarityNetwork(config: config)
        for p in network.parameters { try archive.restore(p) }
        return AspectPolarityModel(network: network, vocabulary: meta.vocabulary, training: meta.training)
    }
}
