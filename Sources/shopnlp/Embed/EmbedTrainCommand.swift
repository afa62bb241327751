import ArgumentParser
import Foundation
import ShopCore
import ShopEmbeddings

/// `shopnlp embed train`: skip-gram with negative sampling and subwords, Hogwild over threads.
struct EmbedTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train word vectors (skip-gram, negative sampling, fastText-style subwords).",
        discussion: """
        With --threads 1 the result is reproducible from --seed; with more threads the lock-free \
        (Hogwild) updates interleave differently on every run, so vectors differ slightly.
        """
    )

    @OptionGroup var source: EmbedInputOptions
    @Option(name: .long, help: "Where to write the vectors (ShopNLP model file).") var out: String
    @Option(name: .long, help: "Vector size.", range: .width) var dim = 128
    @Option(name: .long, help: "Largest context distance.", range: .small) var window = 5
    @Option(name: .long, help: "Negative samples per context word.", range: .small) var negative = 5
    @Option(name: .long, help: "Drop words seen fewer times.", range: .minCount) var minCount = 3
    @Option(name: .long, help: "Passes over the text.", range: .epochs) var epochs = 5
    @Option(name: .long, help: "Subword n-gram lengths MIN-MAX, or none.") var subwords = "3-6"
    @Option(name: .long, help: "Hash buckets for subword units.", range: .tableSize) var buckets = 200_000
    @Option(name: .long, help: "Training threads.", range: .threads) var threads = 2
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "Starting learning rate (decays linearly to 0).", range: .learningRate) var lr: Float = 0.05
    @Option(name: .long, help: "Subsampling threshold for frequent words (0: off).", range: .fraction) var sample: Double = 1e-4
    @Option(name: .long, help: "Keep only the N most frequent words in the saved file.", range: .tableSize) var maxWords: Int?
    @Option(name: .long, help: "Keep only the N most used subword rows in the saved file.", range: .nonNegativeCount) var maxSubwords: Int?
    @Flag(name: .long, help: "Store values as float16 (half the size).") var float16 = false
    @Option(name: .long, help: "Also write the vectors in word2vec text format here.") var word2vec: String?
    @Flag(name: .long, help: "No progress bar.") var quiet = false

    func run() throws {
        var config = SkipGramConfig()
        config.dimension = dim
        config.window = window
        config.negative = negative
        config.minCount = minCount
        config.epochs = epochs
        config.subwords = try SubwordScheme.parse(subwords, buckets: buckets)
        config.threads = threads
        config.seed = seed
        config.learningRate = lr
        config.sample = sample
        try config.validate()

        let files = try source.files()
        let t0 = Date()
        var loader = try source.loader(threads: threads)
        let badLines = UncheckedCell(0)
        loader.onBadLine = { e in
            badLines.value += 1
            FileHandle.standardError.write(Data("warning: \(e); line skipped\n".utf8))
        }
        let (builder, counts) = try loader.loadCounting(files)
        if badLines.value > 0 { log("\(badLines.value) bad lines skipped (see above)") }
        let (vocab, corpus) = builder.finish(minCount: minCount)
        let readSeconds = Date().timeIntervalSince(t0)
        log("read \(counts.lines) lines, \(counts.excluded) dropped as held-out twins")
        log(String(format: "read %d files: %d tokens, %d kept after min-count %d, vocabulary %d (%.1f s)",
                   files.count, builder.tokenCount, corpus.tokenCount, minCount, vocab.count, readSeconds))

        let bar = SkipGramProgressBar(enabled: !quiet)
        let result = try SkipGramTrainer(config: config).train(vocabulary: vocab, corpus: corpus) { bar.show($0) }
        log(String(format: "trained in %.1f s: %.0f words/s over %d threads, mean loss %.4f",
                   result.seconds, result.wordsPerSecond, threads, result.meanLoss))

        var vectors = result.vectors
        if maxWords != nil || maxSubwords != nil { vectors = vectors.pruned(maxWords: maxWords, maxSubwords: maxSubwords) }
        try vectors.save(to: out, float16: float16)
        log("wrote \(out): \(vectors.words.count) words, \(vectors.subwordBuckets.count) subword rows, dimension \(vectors.dimension)")
        if let word2vec {
            try Word2VecText.save(vectors, to: word2vec)
            log("wrote \(word2vec) (word2vec text)")
        }
    }

    private func log(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
