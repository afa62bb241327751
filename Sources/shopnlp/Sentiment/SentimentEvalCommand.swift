import ArgumentParser
import Foundation
import ShopSentiment

/// `shopnlp sentiment eval`: scores a model on labelled files.
struct SentimentEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate a sentiment model: accuracy, macro-F1, per-class P/R/F1, confusion matrix.")

    @Option(name: .long, help: "The model file.") var model: String
    @Option(name: .long, parsing: .upToNextOption, help: "Test files (TSV label<TAB>text), pooled.") var test: [String]
    @Flag(name: .long, help: "Read labels as star ratings (default: as the model was trained).") var starsToPolarity = false
    @Flag(name: .long, help: "Print JSON.") var json = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func run() throws {
        let m = try SentimentModelFile.read(model)
        SentimentPaths.warnIfWordFeaturesOff([m])
        var mapping = m.info.labelMapping
        if starsToPolarity { mapping.starsToPolarity = true }
        var examples: [LabeledExample] = []
        for f in test {
            examples += try LabeledExample.read(SentimentPaths.dataFile(f, corpora: corpora), mapping: mapping).examples
        }
        let start = Date()
        let metrics = SentimentTraining.evaluate(m, examples)
        let secs = Date().timeIntervalSince(start)
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            print(String(decoding: try enc.encode(metrics), as: UTF8.self))
        } else {
            print(metrics.report, terminator: "")
            SentimentPaths.log(String(format: "%d examples in %.2fs\n", examples.count, secs))
        }
    }
}
