import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa eval`.
struct SentimentAbsaEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Score an aspect-polarity model on SemEval-2014 gold XML: accuracy, macro-F1, per class (conflict terms left out).")

    @Option(name: .long, help: "The aspect-polarity model file.") var model: String?
    @Option(name: .long, help: "An aspect-term tagger (absa train-tagger): also prints extraction_f1 beside the lexicon's.") var tagger: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Gold files (SemEval-2014 XML), pooled.") var test: [String]
    @Flag(name: .long, help: "Print JSON (accuracy, macro_f1, per_class).") var json = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func validate() throws {
        if model == nil && tagger == nil { throw ValidationError("give --model, --tagger or both") }
    }

    func run() throws {
        let files = test.map { SentimentPaths.dataFile($0, corpora: corpora) }
        if let model {
            let text = try AspectPolarityRun.evaluate(model: model, testFiles: files, json: json)
            print(text, terminator: json ? "\n" : "")
        }
        if let tagger {
            print(try AspectPolarityRun.evaluateTagger(tagger, testFiles: files, lexicon: try SentimentPaths.loadAspects(aspectModel: nil)))
        }
    }
}
