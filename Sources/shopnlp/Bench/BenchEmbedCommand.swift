import ArgumentParser
import ShopEmbeddings

/// `shopnlp bench embed`: parses the options and runs ShopEmbeddings's `EmbedBenchmark`.
struct BenchEmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "embed", abstract: "Word-embedding training speed (words/s) on the train text of the shared corpora.")

    @OptionGroup var source: EmbedInputOptions
    @Option(name: .long, help: "Vector size.", range: .width) var dim = 128
    @Option(name: .long, help: "Context window.", range: .small) var window = 5
    @Option(name: .long, help: "Negative samples.", range: .small) var negative = 5
    @Option(name: .long, help: "Minimum count.", range: .minCount) var minCount = 3
    @Option(name: .long, help: "Epochs.", range: .epochs) var epochs = 5
    @Option(name: .long, help: "Subwords MIN-MAX or none.") var subwords = "none"
    @Option(name: .long, help: "Training threads.", range: .threads) var threads = 2
    @Option(name: .long, help: "Seed.") var seed: UInt64 = 1
    @Flag(name: .long, help: "End with one JSON line of the figures.") var json = false

    func run() throws {
        var b = EmbedBenchmark()
        b.dim = dim; b.window = window; b.negative = negative; b.minCount = minCount; b.epochs = epochs
        b.subwords = subwords; b.threads = threads; b.seed = seed; b.json = json
        let files = (try? source.files()) ?? EmbeddingCorpora.trainFiles(.zh, root: source.corpora)
        try b.run(files: files) { try source.loader(threads: threads) }
    }
}
