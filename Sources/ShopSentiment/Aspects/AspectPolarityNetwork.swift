import Foundation
import ShopNeural

/// The sizes of an aspect-polarity network (stored in its model file).
public struct AspectPolarityConfig: Codable, Sendable, Equatable {
    public var vocabSize: Int
    public var embedDim = 100
    public var hiddenSize = 64
    public var attentionSize = 64
    public var numClasses = 3
    public var dropout: Float = 0.5
    /// Tokens read per sentence (longer sentences keep a window around the aspect).
    public var maxLength = 100
    public var seed: UInt64 = 1
    /// LCF-style local context (aspect-model version 3): states within this many tokens of
    /// the term keep weight 1 and only the distance beyond it is discounted,
    /// 1 − (d − local)/n. nil or 0: the plain 1 − d/n of version 2.
    public var localContext: Int?
    /// Version 3: the classifier also sees the max and the mean over all (weighted) states,
    /// besides the attended states and the term's state.
    public var maxMeanPooling: Bool?

    public init(vocabSize: Int) { self.vocabSize = vocabSize }

    /// Whether the file needs aspect-model version 3 (older builds would misread it).
    public var needsVersion3: Bool { (localContext ?? 0) > 0 || maxMeanPooling == true }

    /// Width of the classifier's input: attended ⊕ term state (⊕ max ⊕ mean).
    public var featureSize: Int { (maxMeanPooling == true ? 8 : 4) * hiddenSize }
}

/// One sentence as the network reads it: token ids, and where the aspect term sits.
public struct AspectPolarityInput: Sendable, Equatable {
    public var tokens: [Int32]
    /// First token of the aspect term.
    public var aspectStart: Int
    /// Tokens in the aspect term (≥ 1).
    public var aspectCount: Int

    public init(tokens: [Int32], aspectStart: Int, aspectCount: Int) {
        self.tokens = tokens; self.aspectStart = aspectStart; self.aspectCount = aspectCount
    }
}

/// Aspect-term polarity (ATAE-LSTM / IAN style) on ShopNeural layers:
///
/// word embedding ⊕ "is aspect" flag → BiLSTM → states weighted by their distance to the
/// term (1 − d/n, or LCF's 1 − (d − local)/n) → `AspectAttention` whose query is the mean
/// embedding of the term's words → [attended states ⊕ mean state over the term (⊕ max and
/// mean over all states)] → dropout → Dense → softmax.
///
/// The flag and the distance weights tell the encoder which of several aspects in a
/// sentence is asked about; the term's embedding in the query lets attention look for
/// the opinion words that go with this kind of aspect.
public final class AspectPolarityNetwork: @unchecked Sendable {
    public let config: AspectPolarityConfig
    public let embedding: Embedding
    public let encoder: BiLSTM
    public let attention: AspectAttention
    public let output: Dense
    let dropout: Dropout

    /// Activations of one forward pass, kept for backward.
    public final class Workspace: @unchecked Sendable {
        var batch = 0, steps = 0
        var lengths: [Int] = []
        var ids: [Int32] = []
        var spans: [(start: Int, count: Int)] = []
        var embedded = Matrix(rows: 0, cols: 0)
        var embeddedMask: [Float] = []
        var input = Matrix(rows: 0, cols: 0)
        let encoder = BiLSTM.Cache()
        var positionWeights: [Float] = []
        var memory = Matrix(rows: 0, cols: 0)
        var query = Matrix(rows: 0, cols: 0)
        let attention = AspectAttention.Cache()
        var features = Matrix(rows: 0, cols: 0)
        var featuresMask: [Float] = []
        /// Row of memory holding each (b, j)'s maximum, for the max pooling's backward.
        var maxRows: [Int] = []
        var logits = Matrix(rows: 0, cols: 0)
        public init() {}
    }

    /// `rng`: nil draws the initial weights from `config.seed`; `.forLoadedWeights` when a
    /// model file's weights replace them.
    public init(config: AspectPolarityConfig, rng: SeededRandom? = nil) {
        precondition(config.vocabSize > 1 && config.embedDim > 0 && config.hiddenSize > 0 && config.attentionSize > 0
                     && config.numClasses > 1 && config.maxLength > 0, "AspectPolarityConfig: sizes must be positive")
        self.config = config
        var rng = rng ?? SeededRandom(seed: config.seed)
        embedding = Embedding(vocabSize: config.vocabSize, dim: config.embedDim, paddingIndex: 0, rng: &rng)
        encoder = BiLSTM(inputSize: config.embedDim + 1, hiddenSize: config.hiddenSize, rng: &rng)
        attention = AspectAttention(inputSize: 2 * config.hiddenSize, querySize: config.embedDim,
                                    attentionSize: config.attentionSize, rng: &rng)
        output = Dense(inputSize: config.featureSize, outputSize: config.numClasses, name: "output", rng: &rng)
        dropout = Dropout(rate: config.dropout)
    }

    /// All parameters in a fixed order (the order of the model file).
    public var parameters: [Parameter] {
        [embedding.weight] + encoder.parameters + attention.parameters + output.parameters
    }

    /// The window of `input` the network reads: all of it, or `maxLength` tokens centred on the term.
    func window(_ input: AspectPolarityInput) -> (tokens: ArraySlice<Int32>, start: Int, count: Int) {
        let n = input.tokens.count, limit = config.maxLength
        let start = min(max(0, input.aspectStart), max(0, n - 1))
        let count = max(1, min(input.aspectCount, n - start, limit))
        guard n > limit else { return (input.tokens[...], start, count) }
        let lo = min(max(0, start + count / 2 - limit / 2), n - limit)
        return (input.tokens[lo..<(lo + limit)], start - lo, count)
    }

    /// Runs the network; logits end up in the workspace. Dropout only when `rng` is given.
    func forward(_ batch: [AspectPolarityInput], workspace ws: Workspace, rng: UnsafeMutablePointer<SeededRandom>?) {
        let B = batch.count, E = config.embedDim, H2 = 2 * config.hiddenSize
        let windows = batch.map(window)
        let T = max(1, windows.map(\.tokens.count).max() ?? 1)
        ws.batch = B; ws.steps = T
        ws.lengths = windows.map { max(1, $0.tokens.count) }
        ws.spans = windows.map { ($0.start, $0.count) }
        ws.ids = [Int32](repeating: 0, count: T * B)
        let vocab = Int32(config.vocabSize)
        for (b, w) in windows.enumerated() {
            for (t, id) in w.tokens.enumerated() { ws.ids[t * B + b] = (id >= 0 && id < vocab) ? id : 1 }
            if w.tokens.isEmpty { ws.ids[b] = 1 }
        }
        embedding.forward(ids: ws.ids, output: &ws.embedded)
        if let rng { dropout.forward(&ws.embedded, mask: &ws.embeddedMask, rng: &rng.pointee) }
        // Encoder input: the embedding and a 1 on the aspect's tokens.
        ws.input.reset(rows: T * B, cols: E + 1)
        for r in 0..<(T * B) {
            let b = r % B, t = r / B
            for j in 0..<E { ws.input.data[r * (E + 1) + j] = ws.embedded.data[r * E + j] }
            let s = ws.spans[b]
            if t >= s.start && t < s.start + s.count && t < ws.lengths[b] { ws.input.data[r * (E + 1) + E] = 1 }
        }
        encoder.forward(ws.input, batch: B, lengths: ws.lengths, cache: ws.encoder)
        // Memory: states scaled by closeness to the term.
        let local = max(0, config.localContext ?? 0)
        ws.positionWeights = [Float](repeating: 0, count: T * B)
        ws.memory.reshape(rows: T * B, cols: H2)
        for r in 0..<(T * B) {
            let b = r % B, t = r / B, n = ws.lengths[b], s = ws.spans[b]
            var w: Float = 0
            if t < n {
                let d = t < s.start ? s.start - t : (t >= s.start + s.count ? t - (s.start + s.count - 1) : 0)
                w = 1 - Float(max(0, d - local)) / Float(n)
            }
            ws.positionWeights[r] = w
            for j in 0..<H2 { ws.memory.data[r * H2 + j] = w * ws.encoder.output.data[r * H2 + j] }
        }
        // Query: mean embedding of the term's words (before dropout: the term itself is known).
        ws.query.reset(rows: B, cols: E)
        embedding.weight.value.withUnsafeBufferPointer { wv in
            for b in 0..<B {
                let s = ws.spans[b], inv = 1 / Float(s.count)
                for t in s.start..<(s.start + s.count) {
                    let id = Int(ws.ids[t * B + b])
                    for j in 0..<E { ws.query.data[b * E + j] += inv * wv[id * E + j] }
                }
            }
        }
        attention.forward(ws.memory, query: ws.query, batch: B, lengths: ws.lengths, cache: ws.attention)
        let F = config.featureSize, pooled = config.maxMeanPooling == true
        ws.features.reshape(rows: B, cols: F)
        ws.maxRows = pooled ? [Int](repeating: 0, count: B * H2) : []
        for b in 0..<B {
            let s = ws.spans[b], inv = 1 / Float(s.count)
            for j in 0..<H2 {
                ws.features.data[b * F + j] = ws.attention.output.data[b * H2 + j]
                var m: Float = 0
                for t in s.start..<(s.start + s.count) { m += ws.memory.data[(t * B + b) * H2 + j] }
                ws.features.data[b * F + H2 + j] = inv * m
            }
            guard pooled else { continue }
            let n = ws.lengths[b]
            for j in 0..<H2 {
                var best = ws.memory.data[b * H2 + j], row = b, sum: Float = 0
                for t in 0..<n {
                    let v = ws.memory.data[(t * B + b) * H2 + j]
                    sum += v
                    if v > best { best = v; row = t * B + b }
                }
                ws.features.data[b * F + 2 * H2 + j] = best
                ws.features.data[b * F + 3 * H2 + j] = sum / Float(n)
                ws.maxRows[b * H2 + j] = row
            }
        }
        if let rng { dropout.forward(&ws.features, mask: &ws.featuresMask, rng: &rng.pointee) }
        output.forward(ws.features, output: &ws.logits)
    }

    /// Forward + backward on one batch: the (class-weighted) mean loss, gradients added
    /// into the parameters. Dropout is on when `rng` is given.
    public func lossAndGradients(_ batch: [AspectPolarityInput], labels: [Int], classWeights: [Float]? = nil,
                                 rng: UnsafeMutablePointer<SeededRandom>?, workspace ws: Workspace = Workspace()) -> Float {
        precondition(labels.count == batch.count)
        forward(batch, workspace: ws, rng: rng)
        let B = ws.batch, T = ws.steps, E = config.embedDim, H2 = 2 * config.hiddenSize
        var gradLogits = Matrix(rows: 0, cols: 0)
        let loss = SoftmaxCrossEntropy.loss(logits: ws.logits, labels: labels, classWeights: classWeights,
                                            gradient: &gradLogits)
        var gradFeatures = Matrix(rows: 0, cols: 0)
        output.backward(input: ws.features, gradOutput: gradLogits, gradInput: &gradFeatures)
        if rng != nil { dropout.backward(&gradFeatures, mask: ws.featuresMask) }
        let F = config.featureSize
        var gradPooled = Matrix(rows: B, cols: H2)
        for b in 0..<B { for j in 0..<H2 { gradPooled.data[b * H2 + j] = gradFeatures.data[b * F + j] } }
        var gradMemory = Matrix(rows: 0, cols: 0), gradQuery = Matrix(rows: 0, cols: 0)
        attention.backward(input: ws.memory, query: ws.query, gradOutput: gradPooled, cache: ws.attention,
                           gradInput: &gradMemory, gradQuery: &gradQuery)
        for b in 0..<B {
            let s = ws.spans[b], inv = 1 / Float(s.count)
            for t in s.start..<(s.start + s.count) {
                for j in 0..<H2 { gradMemory.data[(t * B + b) * H2 + j] += inv * gradFeatures.data[b * F + H2 + j] }
            }
        }
        if config.maxMeanPooling == true {
            // Max: all to the row that won; mean: shared over the real tokens.
            for b in 0..<B {
                let n = ws.lengths[b], inv = 1 / Float(n)
                for j in 0..<H2 {
                    gradMemory.data[ws.maxRows[b * H2 + j] * H2 + j] += gradFeatures.data[b * F + 2 * H2 + j]
                    let g = inv * gradFeatures.data[b * F + 3 * H2 + j]
                    for t in 0..<n { gradMemory.data[(t * B + b) * H2 + j] += g }
                }
            }
        }
        var gradStates = gradMemory
        for r in 0..<(T * B) {
            let w = ws.positionWeights[r]
            for j in 0..<H2 { gradStates.data[r * H2 + j] *= w }
        }
        var gradInput = Matrix(rows: 0, cols: 0)
        let trainEmbedding = !embedding.weight.isFrozen
        encoder.backward(input: ws.input, gradOutput: gradStates, cache: ws.encoder, gradInput: &gradInput,
                         computeInputGradient: trainEmbedding)
        guard trainEmbedding else { return loss }
        var gradEmbedded = Matrix(rows: T * B, cols: E)
        for r in 0..<(T * B) { for j in 0..<E { gradEmbedded.data[r * E + j] = gradInput.data[r * (E + 1) + j] } }
        if rng != nil { dropout.backward(&gradEmbedded, mask: ws.embeddedMask) }
        embedding.backward(ids: ws.ids, gradOutput: gradEmbedded)
        // The query's gradient goes to the term's words, shared equally.
        var termIDs: [Int32] = []
        var termGrads: [Float] = []
        for b in 0..<B {
            let s = ws.spans[b], inv = 1 / Float(s.count)
            for t in s.start..<(s.start + s.count) {
                termIDs.append(ws.ids[t * B + b])
                for j in 0..<E { termGrads.append(inv * gradQuery.data[b * E + j]) }
            }
        }
        embedding.backward(ids: termIDs, gradOutput: Matrix(rows: termIDs.count, cols: E, data: termGrads))
        return loss
    }

    /// Class probabilities and attention weights (one per token read) for each input.
    public func predict(_ batch: [AspectPolarityInput]) -> [(probabilities: [Float], attention: [Float])] {
        var results: [(probabilities: [Float], attention: [Float])] = []
        let ws = Workspace()
        var start = 0
        while start < batch.count {
            let part = Array(batch[start..<min(batch.count, start + 128)])
            forward(part, workspace: ws, rng: nil)
            let probs = SoftmaxCrossEntropy.softmax(ws.logits)
            for b in 0..<part.count {
                results.append((probs.row(b), (0..<ws.lengths[b]).map { ws.attention.weights[b, $0] }))
            }
            start += part.count
        }
        return results
    }
}
