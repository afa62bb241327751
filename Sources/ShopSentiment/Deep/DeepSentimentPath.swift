import Foundation
import ShopNeural
import ShopTokenize

/// The deep path of a sentiment model: ShopNeural's `TextClassifier` (embedding → BiLSTM
/// → additive attention → dense) over the shared tokenizer's normalised words — the same
/// words our embeddings are trained on, so `--embeddings` rows line up with its vocabulary.
/// It sits beside the n-gram path, which stays strong on rare character patterns; the
/// model mixes the two paths' probabilities with a weight chosen on dev. Several networks
/// trained from different seeds (same vocabulary) are averaged.
public final class DeepSentimentPath: @unchecked Sendable {
    /// What the deep path stores beside its weights.
    struct Metadata: Codable {
        var vocabulary: [String]
    }

    /// One network per seed; their probabilities are averaged.
    public let networks: [TextClassifier]
    /// The first network (they share their configuration apart from the seed).
    public var network: TextClassifier { networks[0] }
    /// Words in id order from id 2 (0 is padding, 1 unknown).
    public let vocabulary: [String]
    private let ids: [String: Int32]

    /// Normalised words (NFKC, case folding, half width), as `shopnlp embed train` sees text.
    static let tokenizer: Tokenizer? = try? Tokenizer(options: TokenizerOptions(normalize: true))

    public convenience init(network: TextClassifier, vocabulary: [String]) {
        self.init(networks: [network], vocabulary: vocabulary)
    }

    public init(networks: [TextClassifier], vocabulary: [String]) {
        precondition(!networks.isEmpty, "a deep path needs at least one network")
        self.networks = networks
        self.vocabulary = vocabulary
        var v: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() { v[w] = Int32(i + 2) }
        ids = v
    }

    /// The words the deep path reads from a text (whitespace dropped, punctuation kept).
    public static func words(_ text: String) -> [String] {
        tokenizer?.words(text) ?? text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
    }

    /// Token ids of a text. Long reviews keep their beginning and their end (where the
    /// verdict usually is) up to the network's `maxLength`.
    public func encode(_ text: String) -> [Int32] { encode(words: Self.words(text)) }

    public func encode(words: [String]) -> [Int32] {
        let out = kept(words).map { ids[$0] ?? 1 }
        return out.isEmpty ? [1] : out
    }

    /// The words the network reads: all of them, or the head and tail of a long review.
    func kept(_ words: [String]) -> [String] {
        let limit = network.config.maxLength
        guard words.count > limit else { return words }
        let head = limit / 2
        return Array(words[0..<head]) + Array(words[(words.count - (limit - head))...])
    }

    /// The words the attention pooling weighs most (mean over the networks), highest first;
    /// punctuation and symbols are left out of the list.
    public func attention(_ text: String, top: Int) -> [WeightedToken] {
        run([text], attentionTop: top)[0].attention
    }

    /// Class probabilities of each text, in the model's label order (batched inference).
    public func probabilities(_ texts: [String]) -> [[Float]] {
        run(texts, attentionTop: 0).map(\.probabilities)
    }

    /// One batched pass of every network: mean probabilities and, when `attentionTop > 0`,
    /// the most attended words of each text (so explaining costs no second pass).
    public func run(_ texts: [String], attentionTop: Int) -> [(probabilities: [Float], attention: [WeightedToken])] {
        let words = texts.map { kept(Self.words($0)) }
        let batch = words.map { encode(words: $0) }
        let n = Float(networks.count)
        var probs = [[Float]](repeating: [], count: texts.count)
        var weights = words.map { [Float](repeating: 0, count: $0.count) }
        for net in networks {
            for (i, out) in net.predict(batch: batch).enumerated() {
                if probs[i].isEmpty { probs[i] = [Float](repeating: 0, count: out.probabilities.count) }
                for k in out.probabilities.indices { probs[i][k] += out.probabilities[k] / n }
                if attentionTop > 0 {
                    for t in 0..<min(out.attention.count, weights[i].count) { weights[i][t] += out.attention[t] / n }
                }
            }
        }
        return texts.indices.map { i in
            (probs[i], attentionTop > 0 ? Self.top(words[i], weights[i], attentionTop) : [])
        }
    }

    /// The `k` heaviest word-like words (a repeated word counts at its heaviest).
    static func top(_ words: [String], _ weights: [Float], _ k: Int) -> [WeightedToken] {
        var best: [String: Float] = [:]
        for (w, a) in zip(words, weights) where w.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            best[w] = max(best[w] ?? 0, a)
        }
        return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(k).map { WeightedToken(text: $0.key, weight: $0.value) }
    }

    // MARK: Serialisation (a ModelArchive inside the sentiment model file)

    /// One archive per network (each checksummed on its own too).
    public func serialized() throws -> [Data] {
        let meta = try JSONEncoder().encode(Metadata(vocabulary: vocabulary))
        return try networks.map { net in
            var archive = ModelArchive(kind: TextClassifier.archiveKind, config: try JSONEncoder().encode(net.config),
                                       appMetadata: meta)
            for p in net.parameters { archive.add(p) }
            return try archive.encoded(storage: .float16)
        }
    }

    public static func deserialize(_ parts: [Data], file: String) throws -> DeepSentimentPath {
        var networks: [TextClassifier] = []
        var vocabulary: [String]? = nil
        for data in parts {
            let archive = try ModelArchive.decode(data, file: file)
            let net = try TextClassifier.load(archive: archive)
            let meta = try archive.decodeAppMetadata(Metadata.self)
            guard meta.vocabulary.count + 2 <= net.config.vocabSize else {
                throw ModelArchiveError.malformed(file: file, reason: "deep path vocabulary larger than its embedding")
            }
            guard vocabulary == nil || vocabulary! == meta.vocabulary,
                  networks.isEmpty || networks[0].config.numClasses == net.config.numClasses else {
                throw ModelArchiveError.malformed(file: file, reason: "deep path networks disagree on vocabulary or classes")
            }
            vocabulary = meta.vocabulary
            networks.append(net)
        }
        guard let vocabulary else { throw ModelArchiveError.malformed(file: file, reason: "empty deep path") }
        return DeepSentimentPath(networks: networks, vocabulary: vocabulary)
    }
}
