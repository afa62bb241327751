import ArgumentParser
import Foundation
import ShopEmbeddings
import ShopCore

/// `shopnlp bench embed`: skip-gram training speed (words/s) on the shared corpora's
/// train text, with the tokenising time reported apart. The fastText peer runs from
/// `Benchmarks/embed-fasttext` on the same tokens.
struct BenchEmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Word-embedding training speed (words/s) on the train text of the shared corpora."
    )

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
        var config = SkipGramConfig()
        config.dimension = dim
        config.window = window
        config.negative = negative
        config.minCount = minCount
        config.epochs = epochs
        config.subwords = try SubwordScheme.parse(subwords)
        config.threads = threads
        config.seed = seed
        var files = try? source.files()
        if files == nil { files = EmbeddingCorpora.trainFiles(.zh, root: source.corpora) }
        let t0 = Date()
        let builder = try source.loader(threads: threads).load(files!)
        let (vocab, corpus) = builder.finish(minCount: minCount)
        let readSeconds = Date().timeIntervalSince(t0)
        let bytes = files!.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let cpu0 = CPUClock.processSeconds()
        let result = try SkipGramTrainer(config: config).train(vocabulary: vocab, corpus: corpus)
        let cpu = CPUClock.processSeconds() - cpu0
        print(String(format: "input: %d files, %.1f MB, %d tokens (%d after min-count %d), vocabulary %d",
                     files!.count, Double(bytes) / 1e6, builder.tokenCount, corpus.tokenCount, minCount, vocab.count))
        print(String(format: "read+tokenise: %.2f s (%.2f MB/s, %d threads)", readSeconds, Double(bytes) / 1e6 / readSeconds, threads))
        print(String(format: "train: dim %d, window %d, negative %d, epochs %d, subwords %@, threads %d: %.2f s, %.0f words/s (%.0f per thread), mean loss %.4f",
                     dim, window, negative, epochs, subwords, threads, result.seconds, result.wordsPerSecond,
                     result.wordsPerSecond / Double(threads), result.meanLoss))
        // On a loaded machine wall-clock rates understate the code; CPU time shows what the
        // threads actually got (words per CPU-second × threads ≈ the rate on idle cores).
        print(String(format: "train CPU time: %.2f s (%.0f%% of %d cores) → %.0f words per CPU-second",
                     cpu, 100 * cpu / max(1e-9, result.seconds * Double(threads)), threads,
                     Double(result.processedWords) / max(1e-9, cpu)))
        if json {
            print("{\"tokens\":\(corpus.tokenCount),\"vocabulary\":\(vocab.count),\"epochs\":\(epochs),\"threads\":\(threads),\"subwords\":\"\(subwords)\",\"train_seconds\":\(String(format: "%.3f", result.seconds)),\"words_per_s\":\(Int(result.wordsPerSecond)),\"tokenize_seconds\":\(String(format: "%.3f", readSeconds)),\"train_cpu_seconds\":\(String(format: "%.3f", cpu)),\"words_per_cpu_s\":\(Int(Double(result.processedWords) / max(1e-9, cpu)))}")
        }
    }
}
