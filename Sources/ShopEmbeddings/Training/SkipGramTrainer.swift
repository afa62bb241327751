import Foundation
import ShopNeural
import ShopCore

/// Skip-gram with negative sampling and optional subword units (word2vec / fastText),
/// trained Hogwild over several threads.
///
/// With `threads == 1` a run is reproducible bit for bit from `config.seed`; with more
/// threads the interleaving of lock-free updates differs from run to run, so results are
/// close but not identical (as with word2vec and fastText).
public struct SkipGramTrainer: Sendable {
    public let config: SkipGramConfig

    public init(config: SkipGramConfig) {
        self.config = config
    }

    /// Trains on `corpus` (ids into `vocabulary`). `progress` is called from the first
    /// worker thread a few times a second and once at the end.
    public func train(vocabulary: Vocabulary, corpus: TokenCorpus,
                      progress: (@Sendable (TrainingProgress) -> Void)? = nil) throws -> TrainingResult {
        try config.validate()
        guard vocabulary.count > 0, corpus.tokenCount > 0 else {
            throw EmbeddingError.emptyCorpus("no word occurs at least \(config.minCount) times")
        }
        var rng = SplitMix64(seed: config.seed)
        let model = HogwildModel(dimension: config.dimension, vocabulary: vocabulary,
                                 subwords: config.subwords, rng: &rng)
        let negatives = NegativeTable(counts: vocabulary.counts, rng: &rng)
        let keep = SkipGramTrainer.keepProbabilities(counts: vocabulary.counts, sample: config.sample)
        let shards = SkipGramTrainer.shards(corpus, count: min(config.threads, max(1, corpus.sentenceCount)))
        let total = corpus.tokenCount * config.epochs
        let start = DispatchTime.now().uptimeNanoseconds
        let losses = ResultSlots<LossSum>(count: shards.count)
        let job = SkipGramJob(config: config, model: model, corpus: corpus, negatives: negatives.entries,
                              keep: keep, totalWords: total, start: start, progress: progress, losses: losses)
        DispatchQueue.concurrentPerform(iterations: shards.count) { t in
            job.run(thread: t, sentences: shards[t])
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let done = TrainingProgress(processedWords: model.processed.load(ordering: .relaxed), totalWords: total,
                                    elapsed: elapsed, loss: LossSum.mean(losses), learningRate: 0)
        progress?(done)
        let vectors = WordVectors(trainedFrom: model, vocabulary: vocabulary, subwords: config.subwords,
                                  note: SkipGramTrainer.describe(config))
        return TrainingResult(vectors: vectors, seconds: elapsed, processedWords: done.processedWords,
                              meanLoss: LossSum.mean(losses))
    }

    /// word2vec's subsampling: a word of relative frequency f is kept with probability
    /// (sqrt(f/t) + 1) · t/f, so the most frequent words are mostly skipped.
    static func keepProbabilities(counts: [Int], sample: Double) -> [Float] {
        let total = Double(counts.reduce(0, +))
        return counts.map { c in
            guard sample > 0 else { return 1 }
            let f = Double(c) / total
            return Float(min(1, (sqrt(f / sample) + 1) * sample / f))
        }
    }

    /// Contiguous runs of sentences with about the same number of tokens each.
    static func shards(_ corpus: TokenCorpus, count: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var first = 0
        for t in 0..<count {
            let target = corpus.tokenCount * (t + 1) / count
            var s = first
            while s < corpus.sentenceCount && (t == count - 1 || corpus.sentenceStarts[s] < target) { s += 1 }
            out.append(first..<s)
            first = s
        }
        return out
    }

    static func describe(_ c: SkipGramConfig) -> String {
        let sub = c.subwords.isEnabled ? "\(c.subwords.minN)-\(c.subwords.maxN)\(c.subwords.hanUnits ? "+han" : "") buckets=\(c.subwords.buckets)" : "none"
        return "skipgram dim=\(c.dimension) window=\(c.window) negative=\(c.negative) min-count=\(c.minCount) epochs=\(c.epochs) lr=\(c.learningRate) sample=\(c.sample) subwords=\(sub) threads=\(c.threads) seed=\(c.seed)"
    }
}

/// What a training run produced.
public struct TrainingResult: Sendable {
    public let vectors: WordVectors
    public let seconds: Double
    public let processedWords: Int
    public let meanLoss: Float
    public var wordsPerSecond: Double { seconds > 0 ? Double(processedWords) / seconds : 0 }
}

/// One training thread's summed loss, written into its own slot of a `ResultSlots`.
struct LossSum {
    var sum: Double
    var count: Int

    /// The mean over every thread that has reported (0 before any has).
    static func mean(_ slots: ResultSlots<LossSum>) -> Float {
        var s = 0.0, n = 0
        for t in 0..<slots.count { if let l = slots[t] { s += l.sum; n += l.count } }
        return n > 0 ? Float(s / Double(n)) : 0
    }
}
