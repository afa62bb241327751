import ShopCore
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
    /// Version 2 may carry a transfer sentiment model and its mix (`AspectSentimentTransfer`);
    /// version-1 files (network only) still load. Version 3: the network may use LCF local
    /// context or max+mean pooling (`AspectPolarityConfig`); files without them are still
    /// written as version 2, so older builds keep reading them.
    public static let version = 3
    /// Versions this build reads.
    public static let readableVersions = 1...3
    /// The byte tensor holding the transfer sentiment model's file.
    static let transferTensor = "transfer.sentiment"
    /// Class names in output order.
    public static let labels = ["negative", "neutral", "positive"]

    /// What the file stores beside the weights.
    public struct Metadata: Codable, Sendable {
        public var absaVersion: Int
        public var labels: [String]
        public var vocabulary: [String]
        /// How the model was made (command line, data, dev scores).
        public var training: [String: String]
        /// Version 2: the mix of the transfer sentiment model (stored as `transfer.sentiment`), if any.
        public var mix: AspectPolarityMix?
        /// Version 2: how many other members (each a whole aspect-model archive, sharing this
        /// file's transfer sentiment model) are averaged with this network; nil for none.
        public var members: Int?
    }

    public let network: AspectPolarityNetwork
    /// Words in id order from id 2 (0 is padding, 1 unknown).
    public let vocabulary: [String]
    public var training: [String: String]
    /// The review-level sentiment model mixed into the network's probabilities, if any.
    public var transfer: AspectSentimentTransfer?
    /// Other models (e.g. other seeds) whose class probabilities are averaged with this
    /// model's: an ensemble in one file, at `members.count + 1` times the inference cost.
    public private(set) var members: [AspectPolarityModel] = []
    private let ids: [String: Int32]

    public init(network: AspectPolarityNetwork, vocabulary: [String], training: [String: String] = [:],
                transfer: AspectSentimentTransfer? = nil) {
        self.network = network
        self.vocabulary = vocabulary
        self.training = training
        self.transfer = transfer
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

    /// Label, its probability and all class probabilities for each input, from the network alone.
    public func predict(_ inputs: [AspectPolarityInput]) -> [(label: String, score: Float, probabilities: [Float])] {
        network.predict(inputs).map { Self.labelled($0.probabilities) }
    }

    /// Label, its probability and all class probabilities for each term: the network's,
    /// mixed with the transfer sentiment model's opinion when the model carries one.
    public func predict(contexts: [AspectPolarityContext]) -> [(label: String, score: Float, probabilities: [Float])] {
        probabilities(contexts).map(Self.labelled)
    }

    /// Class probabilities for each term (network, then the transfer mix if any), averaged
    /// over the ensemble's members when there are any.
    public func probabilities(_ contexts: [AspectPolarityContext]) -> [[Float]] {
        var sum = ownProbabilities(contexts)
        guard !members.isEmpty else { return sum }
        for m in members {
            for (i, p) in m.ownProbabilities(contexts).enumerated() { for j in p.indices { sum[i][j] += p[j] } }
        }
        let inv = 1 / Float(members.count + 1)
        return sum.map { $0.map { $0 * inv } }
    }

    func ownProbabilities(_ contexts: [AspectPolarityContext]) -> [[Float]] {
        let net = network.predict(contexts.map { input(left: $0.left, term: $0.term, right: $0.right) }).map(\.probabilities)
        guard let transfer else { return net }
        return transfer.apply(net, contexts: contexts)
    }

    /// One model averaging `models`' probabilities (the first keeps its vocabulary and
    /// transfer; the others become its members). Models with a transfer must share the same
    /// sentiment model file (it is stored once), each keeping its own dev-chosen mix.
    public static func ensemble(_ models: [AspectPolarityModel]) throws -> AspectPolarityModel {
        guard let first = models.first else { throw SentimentError.usage("an ensemble needs at least one model") }
        let rest = models.dropFirst().flatMap { [$0] + $0.members }
        for m in rest {
            let same: Bool
            switch (m.transfer, first.transfer) {
            case (nil, nil): same = true
            case let (a?, b?): same = a.fileBytes == b.fileBytes
            default: same = false
            }
            guard same else { throw SentimentError.usage("ensemble members must all carry the same transfer sentiment model, or none") }
        }
        let out = AspectPolarityModel(network: first.network, vocabulary: first.vocabulary, training: first.training, transfer: first.transfer)
        out.members = first.members + rest.map { m in
            AspectPolarityModel(network: m.network, vocabulary: m.vocabulary, training: m.training, transfer: m.transfer)
        }
        out.training["ensembleMembers"] = String(out.members.count + 1)
        return out
    }

    static func labelled(_ p: [Float]) -> (label: String, score: Float, probabilities: [Float]) {
        let best = p.indices.max { p[$0] < p[$1] } ?? 0
        return (labels[best], p[best], p)
    }

    /// Accuracy, macro-F1 and per-class scores on gold terms (conflict terms left out).
    public func evaluate(_ sentences: [ABSASentence]) -> SentimentMetrics {
        Self.evaluate(ensemble: [self], sentences)
    }

    /// The same scores for the mean class probabilities of several models (e.g. one per
    /// seed; each reads the words through its own vocabulary).
    public static func evaluate(ensemble models: [AspectPolarityModel], _ sentences: [ABSASentence]) -> SentimentMetrics {
        let (terms, gold) = goldTerms(sentences)
        var sum = [[Float]](repeating: [Float](repeating: 0, count: labels.count), count: terms.count)
        for m in models {
            for (i, p) in m.probabilities(terms).enumerated() {
                for j in sum[i].indices { sum[i][j] += p[j] }
            }
        }
        let predicted = sum.map { p in p.indices.max { p[$0] < p[$1] } ?? 0 }
        return SentimentMetrics(labels: labels, gold: gold, predicted: predicted)
    }

    /// Every gold term with a three-class polarity (conflict left out) and its label index.
    public static func goldTerms(_ sentences: [ABSASentence]) -> (contexts: [AspectPolarityContext], gold: [Int]) {
        var terms: [AspectPolarityContext] = [], gold: [Int] = []
        for s in sentences {
            for t in s.terms {
                guard let g = labels.firstIndex(of: t.polarity) else { continue }
                terms.append(AspectPolarityContext(text: s.text, from: t.from, to: t.to))
                gold.append(g)
            }
        }
        return (terms, gold)
    }

    // MARK: Files

    /// Writes the model (float16 by default: these files ship in Models/).
    public func save(to path: String, storage: ModelArchive.Storage = .float16) throws {
        var a = try archive(withTransferFile: true)
        for (i, m) in members.enumerated() {
            a.add(bytes: [UInt8](try m.archive(withTransferFile: false).encoded(storage: storage)), named: EnsembleMembers.tensorName(i + 1))
        }
        try a.write(to: path, storage: storage)
    }

    func archive(withTransferFile: Bool) throws -> ModelArchive {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var archive = ModelArchive(kind: Self.kind, config: try enc.encode(network.config),
                                   appMetadata: try enc.encode(Metadata(absaVersion: network.config.needsVersion3 || transfer?.mix.negativeBias != nil ? 3 : 2, labels: Self.labels,
                                                                        vocabulary: vocabulary, training: training,
                                                                        mix: transfer?.mix, members: members.isEmpty ? nil : members.count)))
        for p in network.parameters { archive.add(p) }
        if withTransferFile, let transfer { archive.add(bytes: transfer.fileBytes, named: Self.transferTensor) }
        return archive
    }

    /// Reads a model file, refusing other kinds, other versions and wrong shapes with an
    /// error that names the file.
    public static func load(_ path: String) throws -> AspectPolarityModel {
        try load(archive: try ModelArchive.read(from: path, kind: kind), path: path, shared: nil)
    }

    /// `shared`: the ensemble's transfer, for members (whose archives do not repeat the sentiment model).
    static func load(archive: ModelArchive, path: String, shared: AspectSentimentTransfer?) throws -> AspectPolarityModel {
        let meta = try archive.decodeAppMetadata(Metadata.self)
        guard readableVersions.contains(meta.absaVersion) else {
            throw SentimentError.modelFile(path: path, reason: "aspect model version \(meta.absaVersion); this build reads versions \(readableVersions.lowerBound)–\(readableVersions.upperBound) (rebuild it with this build's `shopnlp sentiment absa train`, see Models/absa-en.manifest.json for the command)")
        }
        guard meta.labels == labels else {
            throw SentimentError.modelFile(path: path, reason: "labels \(meta.labels), expected \(labels)")
        }
        let config = try archive.decodeConfig(AspectPolarityConfig.self)
        guard config.vocabSize == meta.vocabulary.count + 2, config.numClasses == labels.count,
              config.embedDim > 0, config.hiddenSize > 0, config.attentionSize > 0, config.maxLength > 0,
              (config.localContext ?? 0) >= 0, meta.absaVersion >= 3 || (!config.needsVersion3 && meta.mix?.negativeBias == nil) else {
            throw SentimentError.modelFile(path: path, reason: "config does not match the vocabulary or labels")
        }
        for p in [("embedding.weight", config.vocabSize, config.embedDim),
                  ("output.weight", config.numClasses, config.featureSize)] {
            try archive.expectShape(p.0, rows: p.1, cols: p.2)
        }
        let network = AspectPolarityNetwork(config: config, rng: .forLoadedWeights)
        for p in network.parameters { try archive.restore(p) }
        var transfer: AspectSentimentTransfer? = nil
        if let mix = meta.mix, let shared {
            transfer = shared.with(mix: mix)
        } else if let mix = meta.mix {
            let bytes: [UInt8]
            do { bytes = try archive.bytes(named: transferTensor) } catch {
                throw SentimentError.modelFile(path: path, reason: "has a transfer mix but no \(transferTensor) tensor")
            }
            transfer = try AspectSentimentTransfer(sentiment: try SentimentModelFile.decode(Data(bytes), path: path + "#" + transferTensor),
                                                   fileBytes: bytes, mix: mix)
        }
        let model = AspectPolarityModel(network: network, vocabulary: meta.vocabulary, training: meta.training, transfer: transfer)
        for i in 0..<(shared == nil ? max(0, meta.members ?? 0) : 0) {
            let (inner, file) = try EnsembleMembers.archive(i + 1, of: archive, path: path, declared: meta.members ?? 0, kind: kind)
            model.members.append(try load(archive: inner, path: file, shared: transfer))
        }
        return model
    }
}
