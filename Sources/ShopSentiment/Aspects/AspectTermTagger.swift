import Foundation
import ShopEmbeddings
import ShopNeural

/// Aspect-term extraction learned from SemEval-2014: embedding → BiLSTM → Dense → softmax
/// over BIO tags per word (the shared tokenizer's words). English; Chinese keeps the lexicon.
public final class AspectTermTagger: @unchecked Sendable {
    public static let kind = "AspectTermTagger"
    public static let version = 1
    /// Tag names in output order.
    public static let tags = ["O", "B", "I"]

    struct Metadata: Codable {
        var taggerVersion: Int
        var vocabulary: [String]
        var embedDim: Int
        var hiddenSize: Int
    }

    public let embedding: Embedding
    public let encoder: BiLSTM
    public let output: Dense
    public let vocabulary: [String]
    private let ids: [String: Int32]
    let dropout: Dropout

    public init(vocabulary: [String], embedDim: Int, hiddenSize: Int, dropout: Float, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        embedding = Embedding(vocabSize: vocabulary.count + 2, dim: embedDim, paddingIndex: 0, rng: &rng)
        encoder = BiLSTM(inputSize: embedDim, hiddenSize: hiddenSize, name: "tagger", rng: &rng)
        output = Dense(inputSize: 2 * hiddenSize, outputSize: Self.tags.count, name: "tags", rng: &rng)
        self.dropout = Dropout(rate: dropout)
        self.vocabulary = vocabulary
        var v: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() where v[w] == nil { v[w] = Int32(i + 2) }
        ids = v
    }

    public var parameters: [Parameter] { [embedding.weight] + encoder.parameters + output.parameters }

    /// Words cut and BIO tags per word of the gold terms of `s` (terms that do not fall on word boundaries are split at them).
    public static func bio(_ s: ABSASentence) -> (words: [String], tags: [Int]) {
        let chars = Array(s.text)
        var words: [String] = [], tags: [Int] = []
        var at = 0
        for t in s.terms.sorted(by: { $0.from < $1.from }) {
            let a = min(max(at, t.from), chars.count), b = min(max(a, t.to), chars.count)
            guard b > a else { continue }
            let before = DeepSentimentPath.words(String(chars[at..<a]))
            words += before; tags += before.map { _ in 0 }
            let term = DeepSentimentPath.words(String(chars[a..<b]))
            words += term; tags += term.indices.map { $0 == 0 ? 1 : 2 }
            at = b
        }
        let rest = DeepSentimentPath.words(String(chars[min(at, chars.count)...]))
        words += rest; tags += rest.map { _ in 0 }
        return (words, tags)
    }

    /// Runs the network on a batch of word-id sequences; logits per (time-major) token row.
    func logits(_ batch: [[Int32]], rng: UnsafeMutablePointer<SeededRandom>?,
                cache: BiLSTM.Cache, embedded: inout Matrix, mask: inout [Float], logits: inout Matrix) -> (ids: [Int32], lengths: [Int]) {
        let B = batch.count, T = max(1, batch.map(\.count).max() ?? 1)
        var idsTM = [Int32](repeating: 0, count: T * B)
        for (b, s) in batch.enumerated() { for (t, id) in s.enumerated() { idsTM[t * B + b] = id } }
        let lengths = batch.map(\.count)
        embedding.forward(ids: idsTM, output: &embedded)
        if let rng { dropout.forward(&embedded, mask: &mask, rng: &rng.pointee) }
        encoder.forward(embedded, batch: B, lengths: lengths, cache: cache)
        output.forward(cache.output, output: &logits)
        return (idsTM, lengths)
    }

    public func encode(_ words: [String]) -> [Int32] { words.map { ids[$0] ?? 1 } }

    /// BIO tag ids per word of each sentence.
    public func tag(_ sentences: [[String]]) -> [[Int]] {
        var out: [[Int]] = []
        let cache = BiLSTM.Cache()
        var embedded = Matrix(rows: 0, cols: 0), mask: [Float] = [], lg = Matrix(rows: 0, cols: 0)
        var start = 0
        while start < sentences.count {
            let part = Array(sentences[start..<min(sentences.count, start + 128)]).map { $0.isEmpty ? [1] : encode($0) }
            let (_, lengths) = logits(part, rng: nil, cache: cache, embedded: &embedded, mask: &mask, logits: &lg)
            let B = part.count
            for b in 0..<B {
                out.append((0..<lengths[b]).map { t in
                    let r = t * B + b
                    return (0..<3).max { lg[r, $0] < lg[r, $1] } ?? 0
                })
            }
            start += B
        }
        return zip(sentences, out).map { Array($1.prefix($0.count)) }
    }

    /// The terms (words joined by spaces) a BIO sequence marks; an I without a B starts a term.
    public static func terms(words: [String], tags: [Int]) -> [String] {
        var out: [String] = [], current: [String] = []
        for (w, t) in zip(words, tags) {
            if t == 1 || (t == 2 && current.isEmpty) {
                if !current.isEmpty { out.append(current.joined(separator: " ")) }
                current = [w]
            } else if t == 2 {
                current.append(w)
            } else if !current.isEmpty {
                out.append(current.joined(separator: " ")); current = []
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    /// Trains on SemEval sentences (dev carved by the seed as for the polarity model), keeping the best dev F1 epoch.
    public static func train(sentences: [ABSASentence], options: AspectPolarityOptions, embeddings: String?,
                             log: (String) -> Void) throws -> (AspectTermTagger, dev: TermExtractionScore) {
        var rng = SeededRandom(seed: options.seed &+ 0x5eed)
        var order = Array(sentences.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(below: i + 1)) }
        let devCount = Int((Double(sentences.count) * options.devFraction).rounded())
        let dev = order.prefix(devCount).map { sentences[$0] }
        var train = order.dropFirst(devCount).map { bio(sentences[$0]) }.filter { !$0.words.isEmpty }
        var vocabulary: [String] = [], seen = Set<String>()
        for s in train { for w in s.words where seen.insert(w).inserted { vocabulary.append(w) } }
        let vectors = try embeddings.map { try VectorsFile.load($0) }
        if let vectors { for w in vectors.words.prefix(options.pretrainedWords) where seen.insert(w).inserted { vocabulary.append(w) } }
        let tagger = AspectTermTagger(vocabulary: vocabulary, embedDim: options.embedDim, hiddenSize: options.hiddenSize,
                                      dropout: options.dropout, seed: options.seed)
        if let vectors, vectors.dimension == options.embedDim {
            let found = tagger.embedding.initialise(vocabulary: vocabulary, firstID: 2) { vectors.vector(for: $0) }
            log("tagger: \(found) of \(vocabulary.count) vocabulary rows start from \(embeddings ?? "")")
        }
        let adam = Adam(parameters: tagger.parameters, learningRate: options.learningRate, weightDecay: options.weightDecay)
        let cache = BiLSTM.Cache()
        var embedded = Matrix(rows: 0, cols: 0), mask: [Float] = [], lg = Matrix(rows: 0, cols: 0)
        var best: (f1: Double, epoch: Int, score: TermExtractionScore, values: [[Float]])? = nil
        for epoch in 1...max(1, options.epochs) {
            let start = Date()
            for i in stride(from: train.count - 1, to: 0, by: -1) { train.swapAt(i, rng.int(below: i + 1)) }
            var k = 0, lossSum = 0.0, batches = 0
            while k < train.count {
                let part = train[k..<min(train.count, k + options.batchSize)]
                adam.zeroGrad()
                let (_, lengths) = withUnsafeMutablePointer(to: &rng) { p in
                    tagger.logits(part.map { tagger.encode($0.words) }, rng: p, cache: cache, embedded: &embedded, mask: &mask, logits: &lg)
                }
                let B = part.count, T = lg.rows / B
                // Cross-entropy over real tokens only: padding rows get weight 0.
                var labels = [Int](repeating: 0, count: T * B)
                var weights = [Float](repeating: 0, count: T * B)
                for (b, s) in part.enumerated() { for t in 0..<lengths[b] { labels[t * B + b] = s.tags[t]; weights[t * B + b] = 1 } }
                var grad = Matrix(rows: 0, cols: 0)
                let p = SoftmaxCrossEntropy.softmax(lg)
                grad = p
                let n = Float(max(1, weights.reduce(0, +)))
                var loss = 0.0
                for r in 0..<(T * B) {
                    for j in 0..<3 { grad[r, j] = weights[r] * (p[r, j] - (j == labels[r] ? 1 : 0)) / n }
                    if weights[r] > 0 { loss -= Foundation.log(Double(max(p[r, labels[r]], 1e-30))) }
                }
                var gradStates = Matrix(rows: 0, cols: 0), gradEmbedded = Matrix(rows: 0, cols: 0)
                tagger.output.backward(input: cache.output, gradOutput: grad, gradInput: &gradStates)
                tagger.encoder.backward(input: embedded, gradOutput: gradStates, cache: cache, gradInput: &gradEmbedded)
                tagger.dropout.backward(&gradEmbedded, mask: mask)
                var idsTM = [Int32](repeating: 0, count: T * B)
                for (b, s) in part.enumerated() { for (t, id) in tagger.encode(s.words).enumerated() { idsTM[t * B + b] = id } }
                tagger.embedding.backward(ids: idsTM, gradOutput: gradEmbedded)
                adam.step()
                lossSum += loss / Double(n); batches += 1
                k += options.batchSize
            }
            let score = TermExtractionScore.of(tagger: tagger, sentences: dev.isEmpty ? sentences : dev)
            log(String(format: "tagger seed %llu epoch %d: loss %.4f, dev term F1 %.2f, %.1fs", options.seed, epoch,
                       lossSum / Double(max(1, batches)), score.f1 * 100, Date().timeIntervalSince(start)))
            if best == nil || score.f1 > best!.f1 { best = (score.f1, epoch, score, tagger.parameters.map(\.value)) }
            else if epoch - best!.epoch >= options.patience { break }
        }
        for (p, v) in zip(tagger.parameters, best!.values) { p.value = v }
        return (tagger, best!.score)
    }

    public func save(to path: String) throws {
        let meta = Metadata(taggerVersion: Self.version, vocabulary: vocabulary, embedDim: embedding.dim, hiddenSize: encoder.hiddenSize)
        var archive = ModelArchive(kind: Self.kind, config: Data("{}".utf8), appMetadata: try JSONEncoder().encode(meta))
        for p in parameters { archive.add(p) }
        try archive.write(to: path, storage: .float16)
    }

    public static func load(_ path: String) throws -> AspectTermTagger {
        let archive = try ModelArchive.read(from: path, kind: kind)
        let meta = try archive.decodeAppMetadata(Metadata.self)
        guard meta.taggerVersion == version else {
            throw SentimentError.modelFile(path: path, reason: "aspect tagger version \(meta.taggerVersion); this build reads version \(version)")
        }
        let t = AspectTermTagger(vocabulary: meta.vocabulary, embedDim: meta.embedDim, hiddenSize: meta.hiddenSize, dropout: 0, seed: 1)
        for p in t.parameters { try archive.restore(p) }
        return t
    }
}

/// Term-level extraction precision, recall and F1 (exact match of the term's words,
/// case and spacing ignored; counted per sentence as multisets).
public struct TermExtractionScore: Sendable, Equatable {
    public var predicted = 0
    public var gold = 0
    public var correct = 0
    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func key(_ s: String) -> String { String(s.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    mutating func add(predicted p: [String], gold g: [String]) {
        var left: [String: Int] = [:]
        for x in g { left[Self.key(x), default: 0] += 1 }
        for x in p { let k = Self.key(x); if let n = left[k], n > 0 { left[k] = n - 1; correct += 1 } }
        predicted += p.count; gold += g.count
    }

    /// The learned tagger on gold sentences (all gold terms, any polarity).
    public static func of(tagger: AspectTermTagger, sentences: [ABSASentence]) -> TermExtractionScore {
        let words = sentences.map { DeepSentimentPath.words($0.text) }
        var s = TermExtractionScore()
        for (i, tags) in tagger.tag(words).enumerated() {
            s.add(predicted: AspectTermTagger.terms(words: words[i], tags: tags), gold: sentences[i].terms.map(\.term))
        }
        return s
    }

    /// The lexicon (and noun heuristic) on the same sentences.
    public static func of(lexicon: AspectExtractor, sentences: [ABSASentence]) -> TermExtractionScore {
        var s = TermExtractionScore()
        for x in sentences {
            s.add(predicted: lexicon.find(TextUnits(x.text), language: "en").map(\.term), gold: x.terms.map(\.term))
        }
        return s
    }
}
