import ArgumentParser
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
        var config = try SkipGramConfig(dimension: dim, window: window, negative: negative, minCount: minCount, epochs: epochs,
                                        subwords: SubwordScheme.parse(subwords, buckets: buckets), threads: threads, seed: seed)
        config.learningRate = lr
        config.sample = sample
        var training = try EmbedTrainingRun(config: config, out: out)
        training.maxWords = maxWords
        training.maxSubwords = maxSubwords
        training.float16 = float16
        training.word2vec = word2vec
        training.showProgress = !quiet
        try training.run(files: source.files()) { try source.loader(threads: threads) }
    }
}
