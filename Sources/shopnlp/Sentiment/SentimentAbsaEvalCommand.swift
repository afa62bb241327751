import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa eval`.
struct SentimentAbsaEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score an aspect-polarity model on SemEval-2014 gold XML: accuracy, macro-F1, per class (conflict terms left out).",
        discussion: """
        A .tsv test file is an aspect evaluation set (Corpora/aspects/eval/zh.tsv): it is run through what
        `sentiment tag --aspects` uses (lexicon terms, the tagger's polarity) and scored for term extraction
        (exact and overlap P/R/F1) and polarity (accuracy, macro-F1) over the terms both gold and found.
        """)

    @Option(name: .long, parsing: .upToNextOption, help: "The aspect-polarity model file (several: scored as one ensemble, mean probabilities).") var model: [String] = []
    @Option(name: .long, help: "An aspect-term tagger (absa train-tagger): also prints extraction_f1 beside the lexicon's.") var tagger: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Gold files (SemEval-2014 XML), pooled; or aspect evaluation sets (.tsv, e.g. Corpora/aspects/eval/zh.tsv).") var test: [String]
    @Option(name: .long, help: "For .tsv sets: the sentiment model (default: the default model of each clause's language, as `sentiment tag`).") var sentimentModel: String?
    @Option(name: .long, help: "For .tsv sets: the clause rule's neutral margin, both languages (default: the tagger's: zh 0, en 0.15).", range: .fraction) var neutralMargin: Double?
    @Flag(name: .long, help: "Print JSON (accuracy, macro_f1, per_class).") var json = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    private var isAspectSet: Bool { test.allSatisfy { $0.hasSuffix(".tsv") } }

    func validate() throws {
        if test.isEmpty { throw ValidationError("--test needs at least one file") }
        if test.contains(where: { $0.hasSuffix(".tsv") }) && !isAspectSet {
            throw ValidationError("--test: give SemEval-2014 .xml files or aspect evaluation sets (.tsv), not both")
        }
        if isAspectSet && (!model.isEmpty || tagger != nil) {
            throw ValidationError("--model and --tagger score SemEval-2014 XML; a .tsv set uses the tagger's lexicon and --sentiment-model")
        }
        if !isAspectSet && model.isEmpty && tagger == nil { throw ValidationError("give --model, --tagger or both") }
        if !isAspectSet && (sentimentModel != nil || neutralMargin != nil) {
            throw ValidationError("--sentiment-model and --neutral-margin are for .tsv aspect sets")
        }
    }

    func run() throws {
        let files = test.map { SentimentPaths.dataFile($0, corpora: corpora) }
        if isAspectSet {
            var extractor = try SentimentPaths.loadAspects(aspectModel: nil)
            if let neutralMargin { extractor.neutralMargin = Float(neutralMargin); extractor.chineseNeutralMargin = Float(neutralMargin) }
            print(try AspectSetEvaluation.evaluate(files: files, extractor: extractor,
                                                   chooser: try SentimentPaths.chooser(model: sentimentModel), json: json), terminator: "")
            return
        }
        if !model.isEmpty {
            let text = try AspectPolarityRun.evaluate(models: model, testFiles: files, json: json)
            print(text, terminator: json ? "\n" : "")
        }
        if let tagger {
            print(try AspectPolarityRun.evaluateTagger(tagger, testFiles: files, lexicon: try SentimentPaths.loadAspects(aspectModel: nil, termTagger: false)))
        }
    }
}
