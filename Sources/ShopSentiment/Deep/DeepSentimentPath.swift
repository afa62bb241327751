import ShopCore
import Foundation
import ShopNeural
import ShopTokenize

/// The deep path of a sentiment model: ShopNeural's `DeepTextPath` (embedding → BiLSTM
/// → additive attention → dense, networks from several seeds averaged) over the shared
/// tokenizer's normalised words — the same
/// words our embeddings are trained on, so `--embeddings` rows line up with its vocabulary.
/// It sits beside the n-gram path, which stays strong on rare character patterns; the
/// model mixes the two paths' probabilities with a weight chosen on dev. Several networks
/// trained from different seeds (same vocabulary) are averaged.
public final class DeepSentimentPath: @unchecked Sendable {
    /// The shared deep path (ids, ensemble average, attention, file format).
    public let path: DeepTextPath
    /// One network per seed; their probabilities are averaged.
    public var networks: [TextClassifier] { path.networks }
    /// The first network (they share their configuration apart from the seed).
    public var network: TextClassifier { path.network }
    /// Words in id order from id 2 (0 is padding, 1 unknown).
    public var vocabulary: [String] { path.vocabulary }

    /// Normalised words (NFKC, case folding, half width), as `shopnlp embed train` sees text.
    static let tokenizer: Tokenizer? = try? Tokenizer(options: TokenizerOptions(normalize: true))

    public convenience init(network: TextClassifier, vocabulary: [String]) {
        self.init(networks: [network], vocabulary: vocabulary)
    }

    /// Long reviews keep their beginning and their end (where the verdict usually is).
    public convenience init(networks: [TextClassifier], vocabulary: [String]) {
        self.init(path: DeepTextPath(networks: networks, vocabulary: vocabulary, keepsTail: true))
    }

    init(path: DeepTextPath) {
        self.path = path
    }

    /// The words the deep path reads from a text (whitespace dropped, punctuation kept).
    public static func words(_ text: String) -> [String] {
        tokenizer?.words(text) ?? text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
    }

    /// The same tokens as `words` as written (no case folding or NFKC), one per word.
    public static func surfaceWords(_ text: String) -> [String] {
        tokenizer?.tokenize(text).map(\.text) ?? text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Token ids of a text, up to the network's `maxLength` (head and tail kept).
    public func encode(_ text: String) -> [Int32] { path.encode(words: Self.words(text)) }

    public func encode(words: [String]) -> [Int32] { path.encode(words: words) }

    /// The words the attention pooling weighs most (mean over the networks), highest first;
    /// punctuation and symbols are left out of the list.
    public func attention(_ text: String, top: Int) -> [WeightedToken] {
        run([text], attentionTop: top)[0].attention
    }

    /// Class probabilities of each text, in the model's label order (batched inference).
    public func probabilities(_ texts: [String]) -> [[Float]] {
        path.probabilities(texts.map(Self.words))
    }

    /// One batched pass of every network: mean probabilities and, when `attentionTop > 0`,
    /// the most attended words of each text (so explaining costs no second pass).
    public func run(_ texts: [String], attentionTop: Int) -> [(probabilities: [Float], attention: [WeightedToken])] {
        path.run(texts.map(Self.words), attention: attentionTop > 0).map { out in
            (out.probabilities, attentionTop > 0 ? Self.top(out.words, out.attention, attentionTop) : [])
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

    // MARK: Serialisation (ModelArchives inside the sentiment model file)

    /// One archive per network (each checksummed on its own too).
    public func serialized() throws -> [Data] { try path.serialized() }

    public static func deserialize(_ parts: [Data], file: String) throws -> DeepSentimentPath {
        DeepSentimentPath(path: try DeepTextPath.deserialize(parts, file: file, keepsTail: true))
    }
}
