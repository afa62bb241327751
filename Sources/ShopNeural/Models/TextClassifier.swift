// ShopNeural — public API at a glance (read this first)
// =====================================================
//
// Conventions
// - Token ids are `Int32`; id `paddingIndex` (default 0) is padding, `unknownIndex`
//   (default 1) is what out-of-range ids are read as. Apps own the vocabulary
//   (store it in the model file's metadata, see ModelArchive).
// - Tensors are `Matrix` (row-major `[Float]`). Sequence batches are time-major:
//   row `t·B + b`; sequences left-aligned, `lengths[b]` valid steps, padded at the end.
// - Every layer is a class holding its `Parameter`s (value + grad) with `forward` and
//   `backward` side by side; activations live in a separate `Cache` object, so
//   inference with one cache per call is thread-safe. `backward` accumulates into
//   `Parameter.grad`. Randomness comes from `SeededRandom(seed:)` only.
//
// Layers: Embedding (sparse grads, padding row, `load(pretrained:)`, `setVector`),
// LSTM (one direction, masks), BiLSTM (two directions on two threads), AttentionPooling
// (additive, exposes weights), Dense, Dropout, EmbeddingBag (hashed wide features,
// `EmbeddingBag.bucket(for:buckets:)`), SoftmaxCrossEntropy (class weights),
// Adam (AdamW + global-norm clipping, lazy sparse rows).
//
// Text classification
//     var config = TextClassifierConfig(vocabSize: vocab.count, numClasses: 3)
//     config.wideBuckets = 200_000            // optional hashed n-gram path (0 = off)
//     let model = TextClassifier(config: config)
//     model.embedding.load(pretrained: vectors) // optional; config.freezeEmbeddings to freeze
//     let trainer = Trainer(model: model, options: TrainingOptions(epochs: 8, batchSize: 32))
//     let report = trainer.train(trainSet, dev: devSet)   // [LabeledSequence]; restores best dev epoch
//     let metrics = trainer.evaluate(testSet)              // ClassificationMetrics (accuracy, macroF1, P/R/F1, confusion)
//     let out = model.predict(batch: [[5, 9, 2]], wide: [[17, 4003]])
//     out[0].probabilities; out[0].attention             // attention: one weight per (kept) token
//     model.predictClasses(batch:wide:)                   // argmax; any batch size (chunked internally)
//     metrics.report(labels: names)                        // text table; Trainer.evaluate(model, examples)
//     try model.save(to: "Models/sentiment.snm", metadata: myCodableStuff, storage: .float16)
//     let (m2, stuff) = try TextClassifier.load(from: path, metadata: MyStuff.self)
//
// Language model (ranking generated copy)
//     let lm = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: v, embedDim: 64, hiddenSize: 128))
//     lm.train(sequences, dev: devSequences, options: TrainingOptions(epochs: 5))  // each sequence: BOS … EOS
//     lm.logProbability(of: [bos, w1, w2, eos])  // Σ log p(wᵢ | w<ᵢ) for i ≥ 1, natural log
//     lm.tokenLogProbabilities(of:), lm.logProbabilities(of: batch), lm.perplexity(of:)
//     try lm.save(to:metadata:storage:), LSTMLanguageModel.load(from:metadata:)
//
// Model files: ModelArchive — magic "SHOPNLPM", format version, total length, JSON metadata
// (kind, model config, app metadata), named float32/float16 tensors, FNV-1a 64 checksum;
// written atomically (temp file + rename); read in one go; problems throw
// `ModelArchiveError`, each naming the file.
//
// Threads: ShopNeural keeps OpenBLAS at one thread (a process-wide OpenBLAS setting) and
// runs its own parallel work (LSTM directions, row-split products, Adam) on up to
// `BLAS.threads` threads. Prediction/scoring may run on many threads at once; training
// a model while another thread predicts with it is not supported.

import ShopCore
import Foundation

/// Embedding → BiLSTM → additive attention pooling (⊕ optional hashed bag-of-features)
/// → Dense → softmax. See the overview above.
public final class TextClassifier: ArchivedModel, @unchecked Sendable {
    public let config: TextClassifierConfig
    public let embedding: Embedding
    public let encoder: BiLSTM
    public let attention: AttentionPooling
    /// The wide path, present when `config.wideBuckets > 0`.
    public let wide: EmbeddingBag?
    public let output: Dense
    let dropout: Dropout
    /// Idle inference workspaces: each call takes its own, so calls never share scratch memory.
    private let workspaces = WorkspacePool<Workspace> { Workspace() }
    /// Per-token input gates for inference (see `TokenGateTable`); rebuilt whenever the weights change.
    let gateCache = TokenGateCache()

    /// Everything one forward/backward pass needs; one per concurrent call.
    public final class Workspace: @unchecked Sendable {
        var ids: [Int32] = []
        var lengths: [Int] = []
        var batch = 0
        var steps = 0
        var wideBags: [[Int32]] = []
        var embedded = Matrix(rows: 0, cols: 0)
        var embeddedMask: [Float] = []
        let encoder = BiLSTM.Cache()
        let attention = AttentionPooling.Cache()
        var wideOut = Matrix(rows: 0, cols: 0)
        var features = Matrix(rows: 0, cols: 0)
        var featuresMask: [Float] = []
        var logits = Matrix(rows: 0, cols: 0)
        var gradLogits = Matrix(rows: 0, cols: 0)
        var gradFeatures = Matrix(rows: 0, cols: 0)
        var gradPooled = Matrix(rows: 0, cols: 0)
        var gradWide = Matrix(rows: 0, cols: 0)
        var gradEncoded = Matrix(rows: 0, cols: 0)
        var gradEmbedded = Matrix(rows: 0, cols: 0)
        public init() {}
    }

    /// `rng`: nil draws the initial weights from `config.seed`; `.forLoadedWeights` when a
    /// model file's weights replace them.
    public init(config: TextClassifierConfig, rng: SeededRandom? = nil) {
        precondition(config.vocabSize > 0 && config.numClasses > 0 && config.embedDim > 0 && config.hiddenSize > 0
                     && config.attentionSize > 0 && config.maxLength > 0, "TextClassifierConfig: sizes must be positive")
        self.config = config
        var rng = rng ?? SeededRandom(seed: config.seed)
        embedding = Embedding(vocabSize: config.vocabSize, dim: config.embedDim, paddingIndex: config.paddingIndex,
                              rng: &rng)
        embedding.weight.isFrozen = config.freezeEmbeddings
        encoder = BiLSTM(inputSize: config.embedDim, hiddenSize: config.hiddenSize, rng: &rng)
        attention = AttentionPooling(inputSize: 2 * config.hiddenSize, attentionSize: config.attentionSize, rng: &rng)
        wide = config.wideBuckets > 0 ? EmbeddingBag(buckets: config.wideBuckets, dim: config.wideDim, rng: &rng) : nil
        output = Dense(inputSize: 2 * config.hiddenSize + (config.wideBuckets > 0 ? config.wideDim : 0),
                       outputSize: config.numClasses, name: "output", rng: &rng)
        dropout = Dropout(rate: config.dropout)
    }

    /// All parameters in a fixed order (the order of the model file).
    public var parameters: [Parameter] {
        [embedding.weight] + encoder.parameters + attention.parameters + (wide.map { [$0.weight] } ?? []) + output.parameters
    }

    // MARK: Inference

    /// Class probabilities and attention weights (one per kept token; empty for an empty
    /// sequence) for each sequence. `wide` holds the hashed feature ids per sequence
    /// (ignored when the model has no wide path). Safe to call from several threads.
    ///
    /// The BiLSTM's input gates come from a per-token table (embedding row · input weights +
    /// bias, computed once per token and weight version; see `TokenGateCache`), which halves
    /// the work of a batch; models whose table would exceed the memory budget run the products.
    public func predict(batch: [[Int32]], wide: [[Int32]]? = nil) -> [(probabilities: [Float], attention: [Float])] {
        predict(batch: batch, wide: wide, gateTables: true)
    }

    /// `predict`, optionally without the per-token gate tables (tests compare the two paths).
    func predict(batch: [[Int32]], wide: [[Int32]]?, gateTables: Bool) -> [(probabilities: [Float], attention: [Float])] {
        if batch.isEmpty { return [] }
        // Sort by length so chunks carry little padding; chunks of 256 bound memory.
        let order = batch.indices.sorted { batch[$0].count < batch[$1].count }
        var results = [(probabilities: [Float], attention: [Float])](repeating: ([], []), count: batch.count)
        let chunk = 256
        let ws = workspaces.take()
        defer { workspaces.give(ws) }
        var start = 0
        while start < order.count {
            // Up to `chunk` sequences, and at most ~16k (padded) tokens so long inputs don't
            // blow the workspace up to hundreds of megabytes.
            var end = start + 1
            while end < order.count && end - start < chunk
                    && (end - start + 1) * min(batch[order[end]].count, config.maxLength) <= 16_384 { end += 1 }
            let idx = Array(order[start..<end])
            let seqs = idx.map { batch[$0] }
            let bags = wide.map { w in idx.map { $0 < w.count ? w[$0] : [] } }
            forward(seqs, wide: bags, workspace: ws, training: false, rng: nil, gateTables: gateTables)
            let probs = SoftmaxCrossEntropy.softmax(ws.logits)
            for (k, i) in idx.enumerated() {
                let n = ws.lengths[k]
                let att = (0..<n).map { ws.attention.weights[k, $0] }
                results[i] = (probs.row(k), att)
            }
            start = end
        }
        return results
    }

    /// Index of the most probable class for each sequence.
    public func predictClasses(batch: [[Int32]], wide: [[Int32]]? = nil) -> [Int] {
        predict(batch: batch, wide: wide).map { p in
            p.probabilities.indices.max { p.probabilities[$0] < p.probabilities[$1] } ?? 0
        }
    }

    // MARK: Forward / backward

    /// Runs the network; logits end up in the workspace. Dropout only when `training`.
    /// `gateTables` (inference only: it leaves no activations for `backward`) looks the
    /// BiLSTM's input gates up per token instead of embedding and projecting the tokens.
    func forward(_ batch: [[Int32]], wide bags: [[Int32]]?, workspace ws: Workspace, training: Bool,
                 rng: UnsafeMutablePointer<SeededRandom>?, gateTables: Bool = false) {
        let B = batch.count
        let T = max(1, min(config.maxLength, batch.map(\.count).max() ?? 1))
        ws.batch = B; ws.steps = T
        ws.lengths = batch.map { min($0.count, config.maxLength) }
        ws.ids = [Int32](repeating: config.paddingIndex, count: T * B)
        let vocab = Int32(config.vocabSize)
        for (b, seq) in batch.enumerated() {
            for t in 0..<ws.lengths[b] {
                let id = seq[t]
                ws.ids[t * B + b] = (id >= 0 && id < vocab) ? id : config.unknownIndex
            }
        }
        if gateTables && !training, let table = gateCache.table(for: ws.ids, embedding: embedding, encoder: encoder) {
            encoder.forward(ids: ws.ids, table: table, steps: T, batch: B, lengths: ws.lengths, cache: ws.encoder)
        } else {
            embedding.forward(ids: ws.ids, output: &ws.embedded)
            if training, let rng { dropout.forward(&ws.embedded, mask: &ws.embeddedMask, rng: &rng.pointee) }
            encoder.forward(ws.embedded, batch: B, lengths: ws.lengths, cache: ws.encoder)
        }
        attention.forward(ws.encoder.output, batch: B, lengths: ws.lengths, cache: ws.attention)
        let pooledDim = 2 * config.hiddenSize
        if let wideLayer = wide {
            let buckets = Int32(wideLayer.buckets)
            ws.wideBags = (0..<B).map { b in
                guard let bags, b < bags.count else { return [] }
                return bags[b].map { (($0 % buckets) + buckets) % buckets }
            }
            wideLayer.forward(bags: ws.wideBags, output: &ws.wideOut)
            let F = pooledDim + wideLayer.dim
            ws.features.reshape(rows: B, cols: F)
            for b in 0..<B {
                for j in 0..<pooledDim { ws.features.data[b * F + j] = ws.attention.output.data[b * pooledDim + j] }
                for j in 0..<wideLayer.dim { ws.features.data[b * F + pooledDim + j] = ws.wideOut.data[b * wideLayer.dim + j] }
            }
        } else {
            ws.features = ws.attention.output
        }
        if training, let rng { dropout.forward(&ws.features, mask: &ws.featuresMask, rng: &rng.pointee) }
        output.forward(ws.features, output: &ws.logits)
    }

    /// Forward + backward on one batch: returns the (class-weighted mean) loss and adds the
    /// gradients into the parameters' `grad`. `training` turns dropout on (drawing from `rng`).
    public func lossAndGradients(batch: [[Int32]], wide bags: [[Int32]]? = nil, labels: [Int],
                                 classWeights: [Float]? = nil, training: Bool, rng: inout SeededRandom,
                                 workspace ws: Workspace = Workspace()) -> Float {
        precondition(labels.count == batch.count)
        withUnsafeMutablePointer(to: &rng) { p in forward(batch, wide: bags, workspace: ws, training: training, rng: p) }
        let loss = SoftmaxCrossEntropy.loss(logits: ws.logits, labels: labels, classWeights: classWeights,
                                            gradient: &ws.gradLogits)
        output.backward(input: ws.features, gradOutput: ws.gradLogits, gradInput: &ws.gradFeatures)
        if training { dropout.backward(&ws.gradFeatures, mask: ws.featuresMask) }
        let B = ws.batch, pooledDim = 2 * config.hiddenSize
        if let wideLayer = wide {
            let F = pooledDim + wideLayer.dim
            ws.gradPooled.reshape(rows: B, cols: pooledDim)
            ws.gradWide.reshape(rows: B, cols: wideLayer.dim)
            for b in 0..<B {
                for j in 0..<pooledDim { ws.gradPooled.data[b * pooledDim + j] = ws.gradFeatures.data[b * F + j] }
                for j in 0..<wideLayer.dim { ws.gradWide.data[b * wideLayer.dim + j] = ws.gradFeatures.data[b * F + pooledDim + j] }
            }
            wideLayer.backward(bags: ws.wideBags, gradOutput: ws.gradWide)
        } else {
            ws.gradPooled = ws.gradFeatures
        }
        attention.backward(input: ws.encoder.output, gradOutput: ws.gradPooled, cache: ws.attention,
                           gradInput: &ws.gradEncoded)
        let needEmbeddingGrad = !embedding.weight.isFrozen
        encoder.backward(input: ws.embedded, gradOutput: ws.gradEncoded, cache: ws.encoder,
                         gradInput: &ws.gradEmbedded, computeInputGradient: needEmbeddingGrad)
        if needEmbeddingGrad {
            if training { dropout.backward(&ws.gradEmbedded, mask: ws.embeddedMask) }
            embedding.backward(ids: ws.ids, gradOutput: ws.gradEmbedded)
        }
        return loss
    }

    // MARK: Model files

    public static let archiveKind = "TextClassifier"

    public static func load(archive: ModelArchive) throws -> TextClassifier {
        try archive.expectKind(archiveKind)
        let config = try archive.decodeConfig(TextClassifierConfig.self)
        // Check the config against the stored tensors before allocating anything from it.
        guard config.vocabSize > 0, config.numClasses > 0, config.embedDim > 0, config.hiddenSize > 0,
              config.attentionSize > 0, config.maxLength > 0, config.wideBuckets >= 0,
              config.wideBuckets == 0 || config.wideDim > 0, (0..<1).contains(config.dropout) else {
            throw ModelArchiveError.malformed(file: archive.file, reason: "invalid TextClassifier config")
        }
        try archive.expectShape("embedding.weight", rows: config.vocabSize, cols: config.embedDim)
        if config.wideBuckets > 0 { try archive.expectShape("wide.weight", rows: config.wideBuckets, cols: config.wideDim) }
        let model = TextClassifier(config: config, rng: .forLoadedWeights)
        for p in model.parameters { try archive.restore(p) }
        return model
    }
}
