import Foundation
import ShopNeural
import ShopTokenize

/// The deep path of a sentiment model: ShopNeural's `TextClassifier` (embedding → BiLSTM
/// → additive attention → dense) over the shared tokenizer's normalised words — the same
/// words our embeddings are trained on, so `--embeddings` rows line up with its vocabulary.
/// It sits beside the n-gram path, which stays strong on rare character patterns; the
/// model mixes the two paths' probabilities with a weight chosen on dev.
public final class DeepSentimentPath: @unchecked Sendable {
    /// What the deep path stores beside its weights.
    struct Metadata: Codable {
        var vocabulary: [String]
    }

    public let network: TextClassifier
    /// Words in id order from id 2 (0 is padding, 1 unknown).
    public let vocabulary: [String]
    private let ids: [String: Int32]

    /// Normalised words (NFKC, case folding, half width), as `shopnlp embed train` sees text.
    static let tokenizer: Tokenizer? = try? Tokenizer(options: TokenizerOptions(normalize: true))

    public init(network: TextClassifier, vocabulary: [String]) {
        self.network = network
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
        var out = words.map { ids[$0] ?? 1 }
        let limit = network.config.maxLength
        if out.count > limit {
            let head = limit / 2
            out = Array(out[0..<head]) + Array(out[(out.count - (limit - head))...])
        }
        return out.isEmpty ? [1] : out
    }

    /// Class probabilities of each text, in the model's label order (batched inference).
    public func probabilities(_ texts: [String]) -> [[Float]] {
        network.predict(batch: texts.map(encode)).map(\.probabilities)
    }

    // MARK: Serialisation (a ModelArchive inside the sentiment model file)

    public func serialized() throws -> Data {
        var archive = ModelArchive(kind: TextClassifier.archiveKind, config: try JSONEncoder().encode(network.config),
                                   appMetadata: try JSONEncoder().encode(Metadata(vocabulary: vocabulary)))
        for p in network.parameters { archive.add(p) }
        return try archive.encoded(storage: .float16)
    }

    public static func deserialize(_ data: Data, file: String) throws -> DeepSentimentPath {
        let archive = try ModelArchive.decode(data, file: file)
        let network = try TextClassifier.load(archive: archive)
        let meta = try archive.decodeAppMetadata(Metadata.self)
        guard meta.vocabulary.count + 2 <= network.config.vocabSize else {
            throw ModelArchiveError.malformed(file: file, reason: "deep path vocabulary larger than its embedding")
        }
        return DeepSentimentPath(network: network, vocabulary: meta.vocabulary)
    }
}
