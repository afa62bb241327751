import Foundation
import ShopCore

/// What `shopnlp embed train` does, so that the command only parses options: reads and
/// tokenises the text (bad lines logged and skipped), trains skip-gram vectors, keeps the
/// most frequent rows when asked, and writes the model file (and a word2vec text copy).
public struct EmbedTrainingRun {
    public let config: SkipGramConfig
    /// Where the vectors go (ShopNLP model file).
    public var out: String
    /// Keep only this many most frequent words / most used subword rows in the file.
    public var maxWords: Int?
    public var maxSubwords: Int?
    /// Store values as float16 (half the size).
    public var float16 = false
    /// Also write the vectors in word2vec text format here.
    public var word2vec: String?
    /// Draw the progress bar on stderr.
    public var showProgress = true
    /// Where the report lines go (one line per call, without its newline).
    public var log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    /// Throws (naming the option) when training cannot use `config`, before anything is read.
    public init(config: SkipGramConfig, out: String) throws {
        try config.validate()
        self.config = config
        self.out = out
    }

    /// Trains on `files`, read by the loader `makeLoader` gives (its time counts as reading),
    /// writes the vectors and returns them.
    @discardableResult
    public func run(files: [String], makeLoader: () throws -> CorpusLoader) throws -> WordVectors {
        let t0 = Date()
        var loader = try makeLoader()
        let badLines = UncheckedCell(0)
        let sink = UncheckedBox(log)
        loader.onBadLine = { e in
            badLines.value += 1
            sink.value("warning: \(e); line skipped")
        }
        let (builder, counts) = try loader.loadCounting(files)
        if badLines.value > 0 { log("\(badLines.value) bad lines skipped (see above)") }
        let (vocab, corpus) = builder.finish(minCount: config.minCount)
        let readSeconds = Date().timeIntervalSince(t0)
        log("read \(counts.lines) lines, \(counts.excluded) dropped as held-out twins")
        log(String(format: "read %d files: %d tokens, %d kept after min-count %d, vocabulary %d (%.1f s)",
                   files.count, builder.tokenCount, corpus.tokenCount, config.minCount, vocab.count, readSeconds))

        let bar = SkipGramProgressBar(enabled: showProgress)
        let result = try SkipGramTrainer(config: config).train(vocabulary: vocab, corpus: corpus) { bar.show($0) }
        log(String(format: "trained in %.1f s: %.0f words/s over %d threads, mean loss %.4f",
                   result.seconds, result.wordsPerSecond, config.threads, result.meanLoss))

        var vectors = result.vectors
        if maxWords != nil || maxSubwords != nil { vectors = vectors.pruned(maxWords: maxWords, maxSubwords: maxSubwords) }
        try vectors.save(to: out, float16: float16)
        log("wrote \(out): \(vectors.words.count) words, \(vectors.subwordBuckets.count) subword rows, dimension \(vectors.dimension)")
        if let word2vec {
            try Word2VecText.save(vectors, to: word2vec)
            log("wrote \(word2vec) (word2vec text)")
        }
        return vectors
    }
}
