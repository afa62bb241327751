import Foundation
import ShopCore

/// A word-level language model: Embedding → LSTM → Dense(vocab) → softmax at every step.
///
/// A sequence is scored left to right: token i ≥ 1 is predicted from tokens 0..<i,
/// so callers put their own BOS first (and EOS last, to score the ending).
/// Scores are natural-log probabilities. Scoring is safe from several threads.
public final class LSTMLanguageModel: ArchivedModel, @unchecked Sendable {
    public let config: LanguageModelConfig
    public let embedding: Embedding
    public let lstm: LSTM
    public let output: Dense
    let dropout: Dropout
    /// Idle scoring workspaces: each call takes its own, so calls never share scratch memory.
    private let workspaces = WorkspacePool<Workspace> { Workspace() }

    public final class Workspace: @unchecked Sendable {
        var ids: [Int32] = []
        var targets: [Int32] = []
        var lengths: [Int] = []
        var batch = 0
        var embedded = Matrix(rows: 0, cols: 0)
        var embeddedMask: [Float] = []
        let lstm = LSTM.Cache()
        var hidden = Matrix(rows: 0, cols: 0)
        var hiddenMask: [Float] = []
        var logits = Matrix(rows: 0, cols: 0)
        var gradHidden = Matrix(rows: 0, cols: 0)
        var gradEmbedded = Matrix(rows: 0, cols: 0)
        public init() {}
    }

    public struct EpochRecord: Sendable {
        public let epoch: Int
        /// Mean loss per predicted token (nats; with the self-normalisation term when α > 0).
        public let trainLoss: Float
        public let devPerplexity: Float?
        public let tokensPerSecond: Double
    }

    public struct Report: Sendable {
        public let epochs: [EpochRecord]
        public let bestEpoch: Int
        public let bestDevPerplexity: Float?
    }

    /// `rng`: nil draws the initial weights from `config.seed`; `.forLoadedWeights` when a
    /// model file's weights replace them.
    public init(config: LanguageModelConfig, rng: SeededRandom? = nil) {
        precondition(config.vocabSize > 1 && config.embedDim > 0 && config.hiddenSize > 0 && config.maxLength > 1)
        self.config = config
        var rng = rng ?? SeededRandom(seed: config.seed)
        embedding = Embedding(vocabSize: config.vocabSize, dim: config.embedDim, paddingIndex: config.paddingIndex,
                              name: "lm.embedding", rng: &rng)
        lstm = LSTM(inputSize: config.embedDim, hiddenSize: config.hiddenSize, name: "lm.lstm", rng: &rng)
        output = Dense(inputSize: config.hiddenSize, outputSize: config.vocabSize, name: "lm.output", rng: &rng)
        if config.selfNormalisation > 0 {
            // Start normalised (log Z ≈ 0): with zero biases log Z starts at log V, and the
            // first epochs went to pulling it down rather than to predicting.
            for i in 0..<config.vocabSize { output.bias.value[i] = -log(Float(config.vocabSize)) }
        }
        dropout = Dropout(rate: config.dropout)
    }

    public var parameters: [Parameter] { [embedding.weight] + lstm.parameters + output.parameters }

    /// Builds inputs/targets (time-major) and runs the network up to the logits.
    func forward(_ sequences: [[Int32]], workspace ws: Workspace, training: Bool, rng: UnsafeMutablePointer<SeededRandom>?) {
        let B = sequences.count
        ws.batch = B
        ws.lengths = sequences.map { max(0, min($0.count, config.maxLength) - 1) }
        let T = max(1, ws.lengths.max() ?? 1)
        ws.ids = [Int32](repeating: config.paddingIndex, count: T * B)
        ws.targets = [Int32](repeating: -1, count: T * B)
        let vocab = Int32(config.vocabSize)
        func clean(_ id: Int32) -> Int32 { (id >= 0 && id < vocab) ? id : config.unknownIndex }
        for (b, s) in sequences.enumerated() {
            for t in 0..<ws.lengths[b] {
                ws.ids[t * B + b] = clean(s[t])
                ws.targets[t * B + b] = clean(s[t + 1])
            }
        }
        embedding.forward(ids: ws.ids, output: &ws.embedded)
        if training, let rng { dropout.forward(&ws.embedded, mask: &ws.embeddedMask, rng: &rng.pointee) }
        lstm.forward(ws.embedded, batch: B, lengths: ws.lengths, cache: ws.lstm)
        ws.hidden = ws.lstm.output
        if training, let rng { dropout.forward(&ws.hidden, mask: &ws.hiddenMask, rng: &rng.pointee) }
        output.forward(ws.hidden, output: &ws.logits)
    }

    /// Each target's raw logit (0 at padding), read before `targetLogProbabilities` turns the
    /// rows into log-probabilities: log Z of a row is its target's logit minus its log p.
    func targetLogits(_ ws: Workspace) -> [Float] {
        let V = config.vocabSize
        return ws.targets.indices.map { r in ws.targets[r] < 0 ? 0 : ws.logits.data[r * V + Int(ws.targets[r])] }
    }

    /// Turns each valid row of the logits into log-probabilities, in place; returns the
    /// log-probability of each target (0 at padding).
    func targetLogProbabilities(_ ws: Workspace) -> [Float] {
        let V = config.vocabSize
        let valid = ws.targets.indices.filter { ws.targets[$0] >= 0 }
        var result = [Float](repeating: 0, count: ws.targets.count)
        ws.logits.data.withUnsafeMutableBufferPointer { lp in
            LogSoftmax.inPlace(lp.baseAddress!, rows: valid, width: V)
            for r in valid { result[r] = lp[r * V + Int(ws.targets[r])] }
        }
        return result
    }

    /// Forward + backward: mean negative log-likelihood per predicted token (plus
    /// α · (log Z)² when `config.selfNormalisation` is α > 0), gradients added into the
    /// parameters. Returns the loss and the number of predicted tokens.
    public func lossAndGradients(sequences: [[Int32]], training: Bool, rng: inout SeededRandom,
                                 workspace ws: Workspace = Workspace()) -> (loss: Float, tokens: Int) {
        withUnsafeMutablePointer(to: &rng) { p in forward(sequences, workspace: ws, training: training, rng: p) }
        let V = config.vocabSize, alpha = config.selfNormalisation
        let targetLogits = self.targetLogits(ws)
        let logp = targetLogProbabilities(ws)
        let count = ws.targets.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        if count == 0 { return (0, 0) }
        let scale = 1 / Float(count)
        var loss: Double = 0
        // The logits now hold log-probabilities. d(−log p_t)/dlogits = p − onehot, and
        // d(α z²)/dlogits = 2αz · p, with z = log Z: the row's gradient is p(1 + 2αz) − onehot, / count.
        ws.logits.data.withUnsafeMutableBufferPointer { lp in
            for r in 0..<ws.targets.count {
                let row = lp.baseAddress! + r * V
                if ws.targets[r] < 0 { row.update(repeating: 0, count: V); continue }
                let z = targetLogits[r] - logp[r]
                loss += -Double(logp[r]) + Double(alpha) * Double(z) * Double(z)
                let pScale = scale * (1 + 2 * alpha * z)
                for j in 0..<V { row[j] = fastExp(row[j]) * pScale }
                row[Int(ws.targets[r])] -= scale
            }
        }
        output.backward(input: ws.hidden, gradOutput: ws.logits, gradInput: &ws.gradHidden)
        if training { dropout.backward(&ws.gradHidden, mask: ws.hiddenMask) }
        let needEmbeddingGrad = !embedding.weight.isFrozen
        lstm.backward(input: ws.embedded, gradOutput: ws.gradHidden, cache: ws.lstm, gradInput: &ws.gradEmbedded,
                      computeInputGradient: needEmbeddingGrad)
        if needEmbeddingGrad {
            if training { dropout.backward(&ws.gradEmbedded, mask: ws.embeddedMask) }
            embedding.backward(ids: ws.ids, gradOutput: ws.gradEmbedded)
        }
        return (Float(loss / Double(count)), count)
    }

    // MARK: Scoring

    /// Log-probability of each token after the first, given the tokens before it, for each sequence.
    public func tokenLogProbabilities(of batch: [[Int32]]) -> [[Float]] {
        tokenScores(of: batch).logProbabilities
    }

    /// Per predicted token of each sequence: its log-probability and the log-normaliser
    /// log Σ exp(logits) of the distribution it was drawn from (near 0 for a model trained
    /// with `selfNormalisation`; its logit is the sum of the two).
    public func tokenScores(of batch: [[Int32]]) -> (logProbabilities: [[Float]], logNormalisers: [[Float]]) {
        if batch.isEmpty { return ([], []) }
        let ws = workspaces.take()
        defer { workspaces.give(ws) }
        var results = [[Float]](repeating: [], count: batch.count)
        var normalisers = [[Float]](repeating: [], count: batch.count)
        let order = batch.indices.sorted { batch[$0].count < batch[$1].count }
        // Chunks of up to 128 sequences and ~4M logits (16 MB) at a time.
        let budget = max(1, (1 << 22) / config.vocabSize)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && end - start < 128
                    && (end - start + 1) * min(batch[order[end]].count, config.maxLength) <= budget { end += 1 }
            let idx = Array(order[start..<end])
            forward(idx.map { batch[$0] }, workspace: ws, training: false, rng: nil)
            let logits = targetLogits(ws)
            let logp = targetLogProbabilities(ws)
            let B = idx.count
            for (b, i) in idx.enumerated() {
                results[i] = (0..<ws.lengths[b]).map { logp[$0 * B + b] }
                normalisers[i] = (0..<ws.lengths[b]).map { logits[$0 * B + b] - logp[$0 * B + b] }
            }
            start = end
        }
        return (results, normalisers)
    }

    public func tokenLogProbabilities(of tokens: [Int32]) -> [Float] {
        tokenLogProbabilities(of: [tokens])[0]
    }

    /// Σ log p(token i | tokens before i) over i ≥ 1 (natural log; 0 for fewer than 2 tokens).
    public func logProbability(of tokens: [Int32]) -> Float {
        tokenLogProbabilities(of: tokens).reduce(0, +)
    }

    /// `logProbability(of:)` for many sequences at once (faster than one by one).
    public func logProbabilities(of batch: [[Int32]]) -> [Float] {
        tokenLogProbabilities(of: batch).map { $0.reduce(0, +) }
    }

    /// exp(mean negative log-likelihood per predicted token) over the sequences.
    public func perplexity(of sequences: [[Int32]]) -> Float {
        let scores = tokenLogProbabilities(of: sequences)
        let n = scores.reduce(0) { $0 + $1.count }
        if n == 0 { return .nan }
        let total = scores.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + Double($1) } }
        return Float(exp(-total / Double(n)))
    }

    // MARK: Training

    /// Trains on the sequences (length-bucketed batches, AdamW, schedule, early stopping on
    /// dev perplexity with the best weights restored). `classWeights`/`selectBy` are ignored.
    @discardableResult
    public func train(_ sequences: [[Int32]], dev: [[Int32]]? = nil, options: TrainingOptions = TrainingOptions(),
                      onEpoch: ((EpochRecord) -> Void)? = nil) -> Report {
        var rng = SeededRandom(seed: options.seed)
        let optimizer = Adam(parameters: parameters, learningRate: options.learningRate,
                             weightDecay: options.weightDecay, clipNorm: options.clipNorm)
        let ws = Workspace()
        let lengths = sequences.map { min($0.count, config.maxLength) }
        let totalSteps = (sequences.count + options.batchSize - 1) / max(options.batchSize, 1) * options.epochs
        var records: [EpochRecord] = []
        var best: (ppl: Float, epoch: Int, weights: [[Float]])?
        var sinceBest = 0, step = 0
        for epoch in 1...max(options.epochs, 1) {
            let batches = Trainer.lengthBuckets(lengths: lengths, batchSize: options.batchSize, rng: &rng)
            let bar = ProgressBar(total: sequences.count, label: "lm epoch \(epoch)/\(options.epochs)",
                                  enabled: options.showProgress)
            let started = Date()
            var lossSum: Double = 0, tokens = 0, seen = 0
            for batch in batches {
                optimizer.learningRate = options.learningRate * options.schedule.factor(step: step, totalSteps: totalSteps)
                optimizer.zeroGrad()
                let (loss, n) = lossAndGradients(sequences: batch.map { sequences[$0] }, training: true, rng: &rng,
                                                 workspace: ws)
                if n > 0 { optimizer.step() }
                step += 1
                lossSum += Double(loss) * Double(n)
                tokens += n
                seen += batch.count
                bar.update(done: seen, loss: Float(lossSum / Double(max(tokens, 1))))
            }
            let meanLoss = Float(lossSum / Double(max(tokens, 1)))
            bar.finish(loss: meanLoss)
            let speed = Double(tokens) / max(Date().timeIntervalSince(started), 1e-9)
            let ppl = dev.map { perplexity(of: $0) }
            let record = EpochRecord(epoch: epoch, trainLoss: meanLoss, devPerplexity: ppl, tokensPerSecond: speed)
            records.append(record)
            onEpoch?(record)
            if let ppl {
                if best == nil || ppl < best!.ppl {
                    best = (ppl, epoch, parameters.map(\.value))
                    sinceBest = 0
                } else {
                    sinceBest += 1
                    if sinceBest >= options.patience { break }
                }
            }
        }
        if let best {
            for (p, w) in zip(parameters, best.weights) { p.value = w }
            return Report(epochs: records, bestEpoch: best.epoch, bestDevPerplexity: best.ppl)
        }
        return Report(epochs: records, bestEpoch: records.count, bestDevPerplexity: nil)
    }

    // MARK: Model files

    public static let archiveKind = "LSTMLanguageModel"

    public static func load(archive: ModelArchive) throws -> LSTMLanguageModel {
        try archive.expectKind(archiveKind)
        let config = try archive.decodeConfig(LanguageModelConfig.self)
        guard config.vocabSize > 1, config.embedDim > 0, config.hiddenSize > 0, config.maxLength > 1,
              (0..<1).contains(config.dropout), config.selfNormalisation.isFinite, config.selfNormalisation >= 0 else {
            throw ModelArchiveError.malformed(file: archive.file, reason: "invalid LSTMLanguageModel config")
        }
        try archive.expectShape("lm.embedding.weight", rows: config.vocabSize, cols: config.embedDim)
        let model = LSTMLanguageModel(config: config, rng: .forLoadedWeights)
        for p in model.parameters { try archive.restore(p) }
        return model
    }
}
