import ShopCore
import Foundation
import ShopEmbeddings
import ShopNeural

/// Aspect-term extraction learned from SemEval-2014: per word, the word embedding ⊕ a
/// hashed character n-gram vector ⊕ a word-shape vector → BiLSTM → Dense → BIO scores,
/// decoded by a linear-chain CRF (or a softmax per word; see `AspectTaggerFeatures`).
/// Words are the shared tokenizer's. English; Chinese keeps the lexicon.
public final class AspectTermTagger: @unchecked Sendable {
    public static let kind = "AspectTermTagger"
    /// 2: character n-grams, word shapes and the CRF (version 1 files still read, as words only).
    /// 3: an ensemble in one file (`members`); single taggers are still written as version 2.
    public static let version = 3
    /// Tag names in output order.
    public static let tags = ["O", "B", "I"]
    /// Shape ids: 0 padding, then 6 casings × (digit or not).
    static let shapeCount = 13

    struct Metadata: Codable {
        var taggerVersion: Int
        var vocabulary: [String]
        var embedDim: Int
        var hiddenSize: Int
        var features: AspectTaggerFeatures?
        /// Version 3: how many other taggers (each a whole tagger archive) are averaged with this one.
        var members: Int?
    }

    /// One sentence as the tagger reads it: normalised words and the same tokens as written.
    public struct Tokens: Sendable {
        public var words: [String]
        public var surface: [String]
        public init(words: [String], surface: [String]) { self.words = words; self.surface = surface }
        /// The shared tokenizer's words of `text`.
        public init(_ text: String) {
            words = DeepSentimentPath.words(text)
            let s = DeepSentimentPath.surfaceWords(text)
            surface = s.count == words.count ? s : words
        }

        mutating func append(_ other: Tokens) { words += other.words; surface += other.surface }
    }

    /// Network inputs of one sentence, computed once.
    struct Encoded {
        var ids: [Int32]
        var grams: [[Int32]]
        var shapes: [Int32]
    }

    public let features: AspectTaggerFeatures
    public let embedding: Embedding
    public let chars: EmbeddingBag?
    public let shape: Embedding?
    public let encoder: BiLSTM
    public let output: Dense
    public let crf: LinearChainCRF?
    public let vocabulary: [String]
    private let ids: [String: Int32]
    let dropout: Dropout
    /// Other taggers (e.g. seeds) whose emission scores — and CRF scores — are averaged with
    /// this one's before decoding: an ensemble in one file at `members.count + 1` times the
    /// tagging cost. All must have the same output (CRF or softmax).
    public private(set) var members: [AspectTermTagger] = []

    /// One tagger averaging `taggers`' scores (the first is the host; the rest become members).
    public static func ensemble(_ taggers: [AspectTermTagger]) throws -> AspectTermTagger {
        guard let first = taggers.first else { throw SentimentError.usage("an ensemble needs at least one tagger") }
        let rest = taggers.dropFirst().flatMap { [$0] + $0.members }
        guard rest.allSatisfy({ ($0.crf == nil) == (first.crf == nil) }) else {
            throw SentimentError.usage("ensemble taggers must all use a CRF, or all not")
        }
        let out = AspectTermTagger(sharing: first)
        out.members = first.members + rest.map { AspectTermTagger(sharing: $0) }
        return out
    }

    /// A tagger sharing `other`'s layers (members are not copied).
    private init(sharing other: AspectTermTagger) {
        features = other.features; embedding = other.embedding; chars = other.chars; shape = other.shape
        encoder = other.encoder; output = other.output; crf = other.crf; vocabulary = other.vocabulary
        ids = other.ids; dropout = other.dropout
    }

    /// `rng`: nil draws the initial weights from `seed`; `.forLoadedWeights` when a model
    /// file's weights replace them.
    public init(vocabulary: [String], embedDim: Int, hiddenSize: Int, dropout: Float, seed: UInt64,
                features: AspectTaggerFeatures = AspectTaggerFeatures(), rng: SeededRandom? = nil) {
        var rng = rng ?? SeededRandom(seed: seed)
        self.features = features
        embedding = Embedding(vocabSize: vocabulary.count + 2, dim: embedDim, paddingIndex: 0, rng: &rng)
        chars = features.charDim > 0 ? EmbeddingBag(buckets: features.charBuckets, dim: features.charDim, name: "chars", rng: &rng) : nil
        shape = features.shapeDim > 0 ? Embedding(vocabSize: Self.shapeCount, dim: features.shapeDim, paddingIndex: 0, name: "shape", rng: &rng) : nil
        let inputSize = embedDim + max(0, features.charDim) + max(0, features.shapeDim)
        encoder = BiLSTM(inputSize: inputSize, hiddenSize: hiddenSize, name: "tagger", rng: &rng)
        output = Dense(inputSize: 2 * hiddenSize, outputSize: Self.tags.count, name: "tags", rng: &rng)
        crf = features.crf ? LinearChainCRF(tagCount: Self.tags.count, name: "bio") : nil
        self.dropout = Dropout(rate: dropout)
        self.vocabulary = vocabulary
        var v: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() where v[w] == nil { v[w] = Int32(i + 2) }
        ids = v
    }

    public var parameters: [Parameter] {
        [embedding.weight] + (chars.map { [$0.weight] } ?? []) + (shape.map { [$0.weight] } ?? [])
            + encoder.parameters + output.parameters + (crf?.parameters ?? [])
    }

    /// Words (normalised and as written) and BIO tags per word of the gold terms of `s`
    /// (terms that do not fall on word boundaries are split at them).
    public static func bioTokens(_ s: ABSASentence) -> (tokens: Tokens, tags: [Int]) {
        let chars = Array(s.text)
        var tokens = Tokens(words: [], surface: []), tags: [Int] = []
        var at = 0
        for t in s.terms.sorted(by: { $0.from < $1.from }) {
            let a = min(max(at, t.from), chars.count), b = min(max(a, t.to), chars.count)
            guard b > a else { continue }
            let before = Tokens(String(chars[at..<a]))
            tokens.append(before); tags += before.words.map { _ in 0 }
            let term = Tokens(String(chars[a..<b]))
            tokens.append(term); tags += term.words.indices.map { $0 == 0 ? 1 : 2 }
            at = b
        }
        let rest = Tokens(String(chars[min(at, chars.count)...]))
        tokens.append(rest); tags += rest.words.map { _ in 0 }
        return (tokens, tags)
    }

    /// Normalised words and BIO tags of the gold terms of `s`.
    public static func bio(_ s: ABSASentence) -> (words: [String], tags: [Int]) {
        let (tokens, tags) = bioTokens(s)
        return (tokens.words, tags)
    }

    /// Character n-grams (2–5) of a word with boundary marks, hashed to buckets; at most 48.
    static func grams(_ word: String, buckets: Int) -> [Int32] {
        let c = Array("<" + word + ">")
        var out: [Int32] = []
        for n in 2...5 where n <= c.count {
            for i in 0...(c.count - n) {
                out.append(EmbeddingBag.bucket(for: String(c[i..<(i + n)]), buckets: buckets))
                if out.count == 48 { return out }
            }
        }
        return out
    }

    /// Shape id of a token as written: casing (none, lower, Title, UPPER, mIxed, Title
    /// as the sentence's first word) × whether it holds a digit; 1…12.
    static func shapeID(_ surface: String, first: Bool) -> Int32 {
        var upper = 0, lower = 0, digit = false, firstUpper = false
        for (i, u) in surface.unicodeScalars.enumerated() {
            if u.properties.isUppercase { upper += 1; if i == 0 { firstUpper = true } }
            else if u.properties.isLowercase { lower += 1 }
            if u.properties.numericType != nil { digit = true }
        }
        let casing: Int32
        if upper + lower == 0 { casing = 0 }
        else if upper == 0 { casing = 1 }
        else if lower == 0 { casing = 3 }
        else if firstUpper && upper == 1 { casing = first ? 5 : 2 }
        else { casing = 4 }
        return 1 + casing * 2 + (digit ? 1 : 0)
    }

    func encode(_ tokens: Tokens) -> Encoded {
        Encoded(ids: encode(tokens.words),
                grams: chars.map { c in tokens.words.map { Self.grams($0, buckets: c.buckets) } } ?? [],
                shapes: shape == nil ? [] : tokens.surface.enumerated().map { Self.shapeID($1, first: $0 == 0) })
    }

    /// Runs the network on a batch of encoded sentences; emission scores per (time-major) token row.
    /// `input` keeps the BiLSTM's input (after dropout) for backward.
    func logits(_ batch: [Encoded], rng: UnsafeMutablePointer<SeededRandom>?,
                cache: BiLSTM.Cache, input: inout Matrix, mask: inout [Float], logits: inout Matrix) -> (ids: [Int32], lengths: [Int]) {
        let B = batch.count, T = max(1, batch.map(\.ids.count).max() ?? 1)
        var idsTM = [Int32](repeating: 0, count: T * B)
        for (b, s) in batch.enumerated() { for (t, id) in s.ids.enumerated() { idsTM[t * B + b] = id } }
        let lengths = batch.map(\.ids.count)
        var words = Matrix(rows: 0, cols: 0)
        embedding.forward(ids: idsTM, output: &words)
        var parts: [Matrix] = [words]
        if let chars {
            var bags = [[Int32]](repeating: [], count: T * B)
            for (b, s) in batch.enumerated() { for (t, g) in s.grams.enumerated() { bags[t * B + b] = g } }
            var m = Matrix(rows: 0, cols: 0)
            chars.forward(bags: bags, output: &m)
            parts.append(m)
        }
        if let shape {
            var sh = [Int32](repeating: 0, count: T * B)
            for (b, s) in batch.enumerated() { for (t, x) in s.shapes.enumerated() { sh[t * B + b] = x } }
            var m = Matrix(rows: 0, cols: 0)
            shape.forward(ids: sh, output: &m)
            parts.append(m)
        }
        input = parts.count == 1 ? words : Self.concatenate(parts)
        if let rng { dropout.forward(&input, mask: &mask, rng: &rng.pointee) } else { mask.removeAll() }
        encoder.forward(input, batch: B, lengths: lengths, cache: cache)
        output.forward(cache.output, output: &logits)
        return (idsTM, lengths)
    }

    /// Rows side by side: [a | b | …] (all with the same row count).
    static func concatenate(_ parts: [Matrix]) -> Matrix {
        let rows = parts[0].rows, cols = parts.map(\.cols).reduce(0, +)
        var out = Matrix(rows: rows, cols: cols)
        var at = 0
        for p in parts {
            for r in 0..<rows { for j in 0..<p.cols { out.data[r * cols + at + j] = p.data[r * p.cols + j] } }
            at += p.cols
        }
        return out
    }

    /// Columns `from..<from+width` of `m`.
    static func columns(_ m: Matrix, from: Int, width: Int) -> Matrix {
        var out = Matrix(rows: m.rows, cols: width)
        for r in 0..<m.rows { for j in 0..<width { out.data[r * width + j] = m.data[r * m.cols + from + j] } }
        return out
    }

    /// Sends the gradient of the BiLSTM input back into the embedding tables.
    func backwardInputs(_ batch: [Encoded], gradInput: Matrix, ids idsTM: [Int32]) {
        let B = batch.count, T = gradInput.rows / max(1, B)
        var at = 0
        let dw = embedding.dim
        embedding.backward(ids: idsTM, gradOutput: chars == nil && shape == nil ? gradInput : Self.columns(gradInput, from: 0, width: dw))
        at += dw
        if let chars {
            var bags = [[Int32]](repeating: [], count: T * B)
            for (b, s) in batch.enumerated() { for (t, g) in s.grams.enumerated() { bags[t * B + b] = g } }
            chars.backward(bags: bags, gradOutput: Self.columns(gradInput, from: at, width: chars.dim))
            at += chars.dim
        }
        if let shape {
            var sh = [Int32](repeating: 0, count: T * B)
            for (b, s) in batch.enumerated() { for (t, x) in s.shapes.enumerated() { sh[t * B + b] = x } }
            shape.backward(ids: sh, gradOutput: Self.columns(gradInput, from: at, width: shape.dim))
        }
    }

    /// Buffers reused across training batches.
    final class Workspace {
        let cache = BiLSTM.Cache()
        var input = Matrix(rows: 0, cols: 0)
        var mask: [Float] = []
        var logits = Matrix(rows: 0, cols: 0)
    }

    /// The loss of one batch per real token (CRF negative log-likelihood, or cross-entropy per
    /// word); with `backward`, adds every parameter's gradient. `rng` nil: no dropout.
    func loss(_ batch: [Encoded], tags: [[Int]], rng: UnsafeMutablePointer<SeededRandom>?, backward: Bool, workspace w: Workspace) -> Double {
        let (idsTM, lengths) = logits(batch, rng: rng, cache: w.cache, input: &w.input, mask: &w.mask, logits: &w.logits)
        let lg = w.logits
        let B = batch.count
        let n = Double(max(1, lengths.reduce(0, +)))
        var grad = Matrix(rows: 0, cols: 0)
        var loss = 0.0
        if let crf {
            if !backward { return crf.negativeLogLikelihood(emissions: lg, batch: B, lengths: lengths, tags: tags, normaliser: n) }
            loss = crf.loss(emissions: lg, batch: B, lengths: lengths, tags: tags, normaliser: n, gradEmissions: &grad)
        } else {
            // Cross-entropy over real tokens only: padding rows get weight 0.
            let p = SoftmaxCrossEntropy.softmax(lg)
            grad = Matrix(rows: lg.rows, cols: lg.cols)
            for b in 0..<B {
                for t in 0..<lengths[b] {
                    let r = t * B + b, y = tags[b][t]
                    for j in 0..<lg.cols { grad[r, j] = (p[r, j] - (j == y ? 1 : 0)) / Float(n) }
                    loss -= Foundation.log(Double(max(p[r, y], 1e-30)))
                }
            }
            loss /= n
            if !backward { return loss }
        }
        var gradStates = Matrix(rows: 0, cols: 0), gradInput = Matrix(rows: 0, cols: 0)
        output.backward(input: w.cache.output, gradOutput: grad, gradInput: &gradStates)
        encoder.backward(input: w.input, gradOutput: gradStates, cache: w.cache, gradInput: &gradInput)
        dropout.backward(&gradInput, mask: w.mask)
        backwardInputs(batch, gradInput: gradInput, ids: idsTM)
        return loss
    }

    public func encode(_ words: [String]) -> [Int32] { words.map { ids[$0] ?? 1 } }

    /// BIO tag ids per word of each sentence.
    public func tag(_ sentences: [Tokens]) -> [[Int]] {
        var out: [[Int]] = []
        let cache = BiLSTM.Cache()
        var input = Matrix(rows: 0, cols: 0), mask: [Float] = [], lg = Matrix(rows: 0, cols: 0)
        var start = 0
        let pad = encode(Tokens(words: ["."], surface: ["."]))
        while start < sentences.count {
            let slice = sentences[start..<min(sentences.count, start + 128)]
            let part = slice.map { $0.words.isEmpty ? pad : encode($0) }
            let (_, lengths) = logits(part, rng: nil, cache: cache, input: &input, mask: &mask, logits: &lg)
            let B = part.count
            if !members.isEmpty {
                // Mean emission scores; each member reads the words through its own vocabulary.
                for m in members {
                    var other = Matrix(rows: 0, cols: 0)
                    let mpart = slice.map { $0.words.isEmpty ? m.encode(Tokens(words: ["."], surface: ["."])) : m.encode($0) }
                    _ = m.logits(mpart, rng: nil, cache: cache, input: &input, mask: &mask, logits: &other)
                    for i in lg.data.indices { lg.data[i] += other.data[i] }
                }
                let inv = 1 / Float(members.count + 1)
                for i in lg.data.indices { lg.data[i] *= inv }
            }
            if let crf = averagedCRF ?? crf {
                out += crf.decode(emissions: lg, batch: B, lengths: lengths)
            } else {
                for b in 0..<B {
                    out.append((0..<lengths[b]).map { t in
                        let r = t * B + b
                        return (0..<3).max { lg[r, $0] < lg[r, $1] } ?? 0
                    })
                }
            }
            start += B
        }
        return zip(sentences, out).map { Array($1.prefix($0.words.count)) }
    }

    /// The CRF whose scores are the mean of the ensemble's (nil for a single tagger).
    private var averagedCRF: LinearChainCRF? {
        guard !members.isEmpty, let crf else { return nil }
        let all = [crf] + members.compactMap(\.crf)
        let mean = LinearChainCRF(tagCount: crf.tagCount, name: "mean")
        for (k, p) in mean.parameters.enumerated() {
            var v = [Float](repeating: 0, count: p.count)
            for c in all { for (i, x) in c.parameters[k].value.enumerated() { v[i] += x } }
            p.value = v.map { $0 / Float(all.count) }
        }
        return mean
    }

    /// BIO tag ids per word of each text (the shared tokenizer's words).
    public func tag(texts: [String]) -> [(tokens: Tokens, tags: [Int])] {
        let tokens = texts.map { Tokens($0) }
        return Array(zip(tokens, tag(tokens)))
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
    /// `extra` sentences (another domain) are trained on but never carved into dev, so dev
    /// stays the same sentences of `sentences` with or without them.
    public static func train(sentences: [ABSASentence], extra: [ABSASentence] = [], options: AspectPolarityOptions, embeddings: String?,
                             features: AspectTaggerFeatures = AspectTaggerFeatures(),
                             log: (String) -> Void) throws -> (AspectTermTagger, dev: TermExtractionScore) {
        var rng = SeededRandom(seed: options.seed &+ 0x5eed)
        var order = Array(sentences.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(below: i + 1)) }
        let devCount = Int((Double(sentences.count) * options.devFraction).rounded())
        let dev = order.prefix(devCount).map { sentences[$0] }
        // A member seed re-seeds everything after the carve: same dev, another network.
        if let member = options.memberSeed { rng = SeededRandom(seed: member &+ 0x5eed) }
        let gold = (order.dropFirst(devCount).map { sentences[$0] } + extra).map(bioTokens).filter { !$0.tokens.words.isEmpty }
        var vocabulary: [String] = [], seen = Set<String>()
        for s in gold { for w in s.tokens.words where seen.insert(w).inserted { vocabulary.append(w) } }
        let vectors = try embeddings.map { try VectorsFile.load($0) }
        if let vectors { for w in vectors.words.prefix(options.pretrainedWords) where seen.insert(w).inserted { vocabulary.append(w) } }
        let tagger = AspectTermTagger(vocabulary: vocabulary, embedDim: options.embedDim, hiddenSize: options.hiddenSize,
                                      dropout: options.dropout, seed: options.memberSeed ?? options.seed, features: features)
        if let vectors, vectors.dimension == options.embedDim {
            let found = tagger.embedding.initialise(vocabulary: vocabulary, firstID: 2) { vectors.vector(for: $0) }
            log("tagger: \(found) of \(vocabulary.count) vocabulary rows start from \(embeddings ?? "")")
        }
        var train = gold.map { (encoded: tagger.encode($0.tokens), tags: $0.tags) }
        let adam = Adam(parameters: tagger.parameters, learningRate: options.learningRate, weightDecay: options.weightDecay)
        let workspace = Workspace()
        var best: (f1: Double, epoch: Int, score: TermExtractionScore, values: [[Float]])? = nil
        for epoch in 1...max(1, options.epochs) {
            let start = Date()
            for i in stride(from: train.count - 1, to: 0, by: -1) { train.swapAt(i, rng.int(below: i + 1)) }
            var k = 0, lossSum = 0.0, batches = 0
            while k < train.count {
                let part = Array(train[k..<min(train.count, k + options.batchSize)])
                adam.zeroGrad()
                let loss = withUnsafeMutablePointer(to: &rng) { p in
                    tagger.loss(part.map(\.encoded), tags: part.map(\.tags), rng: p, backward: true, workspace: workspace)
                }
                adam.step()
                lossSum += loss; batches += 1
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
        var a = try archive()
        for (i, m) in members.enumerated() {
            a.add(bytes: [UInt8](try m.archive().encoded(storage: .float16)), named: EnsembleMembers.tensorName(i + 1))
        }
        try a.write(to: path, storage: .float16)
    }

    func archive() throws -> ModelArchive {
        let meta = Metadata(taggerVersion: members.isEmpty ? 2 : 3, vocabulary: vocabulary, embedDim: embedding.dim,
                            hiddenSize: encoder.hiddenSize, features: features, members: members.isEmpty ? nil : members.count)
        var archive = ModelArchive(kind: Self.kind, config: Data("{}".utf8), appMetadata: try ModelArchive.json(meta))
        for p in parameters { archive.add(p) }
        return archive
    }

    public static func load(_ path: String) throws -> AspectTermTagger {
        try load(archive: try ModelArchive.read(from: path, kind: kind), path: path, nested: false)
    }

    static func load(archive: ModelArchive, path: String, nested: Bool) throws -> AspectTermTagger {
        let meta = try archive.decodeAppMetadata(Metadata.self)
        guard (1...version).contains(meta.taggerVersion) else {
            throw SentimentError.modelFile(path: path, reason: "aspect tagger version \(meta.taggerVersion); this build reads versions 1–\(version)")
        }
        let features = meta.features ?? .wordsOnly
        guard features.charDim >= 0, features.shapeDim >= 0, features.charDim == 0 || features.charBuckets > 0 else {
            throw SentimentError.modelFile(path: path, reason: "aspect tagger features out of range")
        }
        let t = AspectTermTagger(vocabulary: meta.vocabulary, embedDim: meta.embedDim, hiddenSize: meta.hiddenSize, dropout: 0, seed: 1,
                                 features: features, rng: .forLoadedWeights)
        for p in t.parameters { try archive.restore(p) }
        for i in 0..<(nested ? 0 : max(0, meta.members ?? 0)) {
            let (inner, file) = try EnsembleMembers.archive(i + 1, of: archive, path: path, declared: meta.members ?? 0, kind: kind)
            let m = try load(archive: inner, path: file, nested: true)
            guard (m.crf == nil) == (t.crf == nil) else {
                throw SentimentError.modelFile(path: file, reason: "ensemble member's output (CRF or softmax) differs from the first tagger's")
            }
            t.members.append(m)
        }
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
        var s = TermExtractionScore()
        for (i, (tokens, tags)) in tagger.tag(texts: sentences.map(\.text)).enumerated() {
            s.add(predicted: AspectTermTagger.terms(words: tokens.words, tags: tags), gold: sentences[i].terms.map(\.term))
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
