import ShopCore
import Foundation

/// The deep half of every wide+deep text classifier (review sentiment, support intents):
/// one or more `TextClassifier` networks (embedding → BiLSTM → attention → dense, trained
/// from different seeds on one vocabulary) whose probabilities are averaged.
///
/// It reads words, not text: each capability keeps its own tokenizer (sentiment reads the
/// normalised words the word vectors were trained on, intents single CJK characters and
/// folded digits), and everything after the words — ids, the hashed word/bigram bag, the
/// ensemble average, attention, the file format — lives here once.
public final class DeepTextPath: @unchecked Sendable {
    /// What a text gives: mean probabilities in the model's label order, and the mean
    /// attention over `words` (the words the networks read; empty when not asked for).
    public struct Output: Sendable {
        public var probabilities: [Float]
        public var attention: [Float]
        public var words: [String]
    }

    /// What the path stores beside each network's weights. `wideBigrams` is present only
    /// for paths with a hashed bag (intents), so sentiment files keep their exact bytes.
    struct Metadata: Codable {
        var vocabulary: [String]
        var wideBigrams: Bool?
    }

    /// One network per seed; their outputs are averaged.
    public let networks: [TextClassifier]
    /// The first network (they share their configuration apart from the seed).
    public var network: TextClassifier { networks[0] }
    /// Words in id order from id 2 (0 is padding, 1 unknown).
    public let vocabulary: [String]
    /// Long texts keep their head and tail (reviews: the verdict is often at the end);
    /// otherwise the network keeps the head.
    public let keepsTail: Bool
    /// Whether the hashed bag (used when the networks have `wideBuckets > 0`) has word
    /// bigrams beside the words; nil when the path has no bag.
    public let wideBigrams: Bool?
    private let ids: [String: Int32]

    public init(networks: [TextClassifier], vocabulary: [String], keepsTail: Bool, wideBigrams: Bool? = nil) {
        precondition(!networks.isEmpty, "a deep path needs at least one network")
        self.networks = networks
        self.vocabulary = vocabulary
        self.keepsTail = keepsTail
        self.wideBigrams = wideBigrams
        var v: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() { v[w] = Int32(i + 2) }
        ids = v
    }

    /// The words the networks read: all of them, or the head and tail of a long text.
    public func kept(_ words: [String]) -> [String] {
        let limit = network.config.maxLength
        guard keepsTail, words.count > limit else { return words }
        let head = limit / 2
        return Array(words[0..<head]) + Array(words[(words.count - (limit - head))...])
    }

    /// Token ids of a text's words (unknown words read as 1; an empty text as one unknown).
    public func encode(words: [String]) -> [Int32] {
        let out = kept(words).map { ids[$0] ?? 1 }
        return out.isEmpty ? [1] : out
    }

    /// The hashed bag of a text's words (and bigrams), or empty when the networks have none.
    public func bag(words: [String]) -> [Int32] {
        let buckets = network.config.wideBuckets
        guard buckets > 0 else { return [] }
        var bag = words.map { EmbeddingBag.bucket(for: "w:" + $0, buckets: buckets) }
        if wideBigrams == true, words.count > 1 {
            for i in 0..<(words.count - 1) {
                bag.append(EmbeddingBag.bucket(for: "b:" + words[i] + " " + words[i + 1], buckets: buckets))
            }
        }
        return bag.isEmpty ? [EmbeddingBag.bucket(for: "<empty>", buckets: buckets)] : bag
    }

    /// One batched pass of every network over many texts' words: mean probabilities and,
    /// when `attention` is true, mean attention per kept word (so explaining costs no
    /// second pass). Batches are length-sorted inside `TextClassifier.predict`.
    public func run(_ words: [[String]], attention: Bool) -> [Output] {
        let kept = words.map(kept)
        let batch = kept.map { encode(words: $0) }
        let bags = network.config.wideBuckets > 0 ? words.map { bag(words: $0) } : nil
        let n = Float(networks.count)
        var probs = [[Float]](repeating: [], count: words.count)
        var weights = [[Float]](repeating: [], count: words.count)
        for net in networks {
            for (i, out) in net.predict(batch: batch, wide: bags).enumerated() {
                if probs[i].isEmpty { probs[i] = [Float](repeating: 0, count: out.probabilities.count) }
                for k in out.probabilities.indices { probs[i][k] += out.probabilities[k] / n }
                if attention {
                    let m = min(out.attention.count, kept[i].count)
                    if weights[i].isEmpty { weights[i] = [Float](repeating: 0, count: m) }
                    for t in 0..<min(m, weights[i].count) { weights[i][t] += out.attention[t] / n }
                }
            }
        }
        return words.indices.map { i in
            Output(probabilities: probs[i], attention: weights[i],
                   words: attention ? Array(kept[i].prefix(weights[i].count)) : [])
        }
    }

    /// Mean class probabilities of each text's words, in the model's label order.
    public func probabilities(_ words: [[String]]) -> [[Float]] {
        run(words, attention: false).map(\.probabilities)
    }

    // MARK: Serialisation: one checksummed ModelArchive per network

    public func serialized() throws -> [Data] {
        let meta = try ModelArchive.json(Metadata(vocabulary: vocabulary, wideBigrams: wideBigrams))
        return try networks.map { net in
            var archive = ModelArchive(kind: TextClassifier.archiveKind, config: try ModelArchive.json(net.config),
                                       appMetadata: meta)
            for p in net.parameters { archive.add(p) }
            return try archive.encoded(storage: .float16)
        }
    }

    /// Rebuilds a path from `serialized()` parts. `keepsTail` is the owning capability's
    /// rule (it is not stored: a capability reads one way).
    public static func deserialize(_ parts: [Data], file: String, keepsTail: Bool) throws -> DeepTextPath {
        var networks: [TextClassifier] = []
        var meta: Metadata? = nil
        for data in parts {
            let archive = try ModelArchive.decode(data, file: file)
            let net = try TextClassifier.load(archive: archive)
            let m = try archive.decodeAppMetadata(Metadata.self)
            guard m.vocabulary.count + 2 <= net.config.vocabSize else {
                throw ModelArchiveError.malformed(file: file, reason: "deep path vocabulary larger than its embedding")
            }
            guard meta == nil || (meta!.vocabulary == m.vocabulary && meta!.wideBigrams == m.wideBigrams),
                  networks.isEmpty || (networks[0].config.numClasses == net.config.numClasses
                                       && networks[0].config.wideBuckets == net.config.wideBuckets) else {
                throw ModelArchiveError.malformed(file: file, reason: "deep path networks disagree on vocabulary, classes or bag")
            }
            meta = m
            networks.append(net)
        }
        guard let meta else { throw ModelArchiveError.malformed(file: file, reason: "empty deep path") }
        return DeepTextPath(networks: networks, vocabulary: meta.vocabulary, keepsTail: keepsTail,
                            wideBigrams: meta.wideBigrams)
    }
}
