import Foundation
import ShopCore

/// Skip-gram training speed (words/s) on training text, with the tokenising time reported
/// apart. The fastText peer runs from `Benchmarks/embed-fasttext` on the same tokens.
public struct EmbedBenchmark {
    public var dim = 128
    public var window = 5
    public var negative = 5
    public var minCount = 3
    public var epochs = 5
    /// Subwords MIN-MAX or none.
    public var subwords = "none"
    public var threads = 2
    public var seed: UInt64 = 1
    /// End with one JSON line of the figures.
    public var json = false
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init() {}

    /// Reads and tokenises `files` with the loader `makeLoader` gives (timed apart), trains,
    /// and writes the figures through `emit`.
    public func run(files: [String], makeLoader: () throws -> CorpusLoader) throws {
        let config = try SkipGramConfig(dimension: dim, window: window, negative: negative, minCount: minCount, epochs: epochs,
                                        subwords: SubwordScheme.parse(subwords), threads: threads, seed: seed)
        let t0 = Date()
        let builder = try makeLoader().load(files)
        let (vocab, corpus) = builder.finish(minCount: minCount)
        let readSeconds = Date().timeIntervalSince(t0)
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let cpu0 = CPUClock.processSeconds()
        let result = try SkipGramTrainer(config: config).train(vocabulary: vocab, corpus: corpus)
        let cpu = CPUClock.processSeconds() - cpu0
        emit(String(format: "input: %d files, %.1f MB, %d tokens (%d after min-count %d), vocabulary %d",
                     files.count, Double(bytes) / 1e6, builder.tokenCount, corpus.tokenCount, minCount, vocab.count))
        emit(String(format: "read+tokenise: %.2f s (%.2f MB/s, %d threads)", readSeconds, Double(bytes) / 1e6 / readSeconds, threads))
        emit(String(format: "train: dim %d, window %d, negative %d, epochs %d, subwords %@, threads %d: %.2f s, %.0f words/s (%.0f per thread), mean loss %.4f",
                     dim, window, negative, epochs, subwords, threads, result.seconds, result.wordsPerSecond,
                     result.wordsPerSecond / Double(threads), result.meanLoss))
        // On a loaded machine wall-clock rates understate the code; CPU time shows what the
        // threads actually got (words per CPU-second × threads ≈ the rate on idle cores).
        emit(String(format: "train CPU time: %.2f s (%.0f%% of %d cores) → %.0f words per CPU-second",
                     cpu, 100 * cpu / max(1e-9, result.seconds * Double(threads)), threads,
                     Double(result.processedWords) / max(1e-9, cpu)))
        if json {
            emit("{\"tokens\":\(corpus.tokenCount),\"vocabulary\":\(vocab.count),\"epochs\":\(epochs),\"threads\":\(threads),\"subwords\":\"\(subwords)\",\"train_seconds\":\(String(format: "%.3f", result.seconds)),\"words_per_s\":\(Int(result.wordsPerSecond)),\"tokenize_seconds\":\(String(format: "%.3f", readSeconds)),\"train_cpu_seconds\":\(String(format: "%.3f", cpu)),\"words_per_cpu_s\":\(Int(Double(result.processedWords) / max(1e-9, cpu)))}")
        }
    }
}
