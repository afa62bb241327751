import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa …`: the trained aspect-polarity model.
struct SentimentAbsaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absa",
        abstract: "Aspect-term polarity: train and evaluate the aspect-aware BiLSTM on SemEval-2014 XML.",
        subcommands: [SentimentAbsaTrainCommand.self, SentimentAbsaEvalCommand.self, SentimentAbsaTrainTaggerCommand.self]
    )
}

/// `shopnlp sentiment absa train`.
struct SentimentAbsaTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an aspect-polarity model on SemEval-2014 train XML (dev carved from train by --seed).")

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (SemEval-2014 XML), pooled.")
    var train: [String]
    @Option(name: .long, help: "Where to write the model.")
    var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Test files to score the trained model on (printed, and kept in the manifest).")
    var test: [String] = []
    @Option(name: .long, help: "Vectors that start the embedding layer (default: Models/embeddings-en.model; 'none' for random).")
    var embeddings: String?
    @Option(name: .long, help: "Seed (initialisation, dev split, batch order).")
    var seed: UInt64 = 1
    @Option(name: .long, help: "Maximum epochs (the best dev epoch is kept).")
    var epochs = 20
    @Option(name: .long, help: "Epochs without a better dev score before stopping.")
    var patience = 5
    @Option(name: .long, help: "BiLSTM hidden size per direction.")
    var hidden = 64
    @Option(name: .long, help: "Learning rate.")
    var learningRate: Float = 2e-3
    @Option(name: .long, help: "Dropout.")
    var dropout: Float = 0.5
    @Option(name: .long, help: "Start the embedding rows and the BiLSTM from this sentiment model's deep path (e.g. Models/sentiment-en.model).")
    var initFrom: String?
    @Flag(name: .long, help: "Keep the pretrained embeddings fixed.")
    var freezeEmbeddings = false
    @Flag(name: .long, help: "Weight the loss by inverse class frequency.")
    var balanceClasses = false
    @Flag(name: .long, help: "Also write <out without .model>.manifest.json (size, checksum, scores, rebuild command).")
    var manifest = false
    @Option(name: .long, help: "Shared corpora folder.")
    var corpora: String?

    func validate() throws {
        if train.isEmpty { throw ValidationError("--train needs at least one XML file") }
        if epochs < 1 || hidden < 1 { throw ValidationError("--epochs and --hidden must be positive") }
        if !(0..<1).contains(dropout) { throw ValidationError("--dropout must be in [0, 1)") }
    }

    func run() throws {
        var options = AspectPolarityOptions()
        options.seed = seed; options.epochs = epochs; options.patience = patience
        options.hiddenSize = hidden; options.learningRate = learningRate; options.dropout = dropout
        options.freezeEmbeddings = freezeEmbeddings; options.balanceClasses = balanceClasses
        options.initFrom = initFrom
        let vectors = embeddings == "none" ? nil : (embeddings ?? (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-en.model"))
        let command = (["shopnlp", "sentiment", "absa"] + CommandLine.arguments.drop(while: { $0 != "train" }))
            .map(AspectPolarityRun.shellQuote).joined(separator: " ")
        let result = try AspectPolarityRun.trainAndTest(
            trainFiles: train.map { SentimentPaths.dataFile($0, corpora: corpora) },
            testFiles: test.map { SentimentPaths.dataFile($0, corpora: corpora) },
            options: options, embeddings: vectors, out: out, writeManifest: manifest, command: command,
            log: { SentimentPaths.log($0 + "\n") })
        print(result)
    }
}

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

    @Option(name: .long, help: "The aspect-polarity model file.")
    var model: String?
    @Option(name: .long, help: "An aspect-term tagger (absa train-tagger): also prints extraction_f1 beside the lexicon's.")
    var tagger: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Gold files (SemEval-2014 XML), pooled; or aspect evaluation sets (.tsv, e.g. Corpora/aspects/eval/zh.tsv).")
    var test: [String]
    @Option(name: .long, help: "For .tsv sets: the sentiment model (default: the default model of each clause's language, as `sentiment tag`).")
    var sentimentModel: String?
    @Flag(name: .long, help: "Print JSON (accuracy, macro_f1, per_class).")
    var json = false
    @Option(name: .long, help: "Shared corpora folder.")
    var corpora: String?

    private var isAspectSet: Bool { test.allSatisfy { $0.hasSuffix(".tsv") } }

    func validate() throws {
        if test.isEmpty { throw ValidationError("--test needs at least one file") }
        if test.contains(where: { $0.hasSuffix(".tsv") }) && !isAspectSet {
            throw ValidationError("--test: give SemEval-2014 .xml files or aspect evaluation sets (.tsv), not both")
        }
        if isAspectSet && (model != nil || tagger != nil) {
            throw ValidationError("--model and --tagger score SemEval-2014 XML; a .tsv set uses the tagger's lexicon and --sentiment-model")
        }
        if !isAspectSet && model == nil && tagger == nil { throw ValidationError("give --model, --tagger or both") }
        if !isAspectSet && sentimentModel != nil { throw ValidationError("--sentiment-model is for .tsv aspect sets") }
    }

    func run() throws {
        let files = test.map { SentimentPaths.dataFile($0, corpora: corpora) }
        if isAspectSet {
            print(try AspectSetEvaluation.evaluate(files: files, extractor: try SentimentPaths.loadAspects(aspectModel: nil),
                                                   chooser: try SentimentPaths.chooser(model: sentimentModel), json: json), terminator: "")
            return
        }
        if let model {
            let text = try AspectPolarityRun.evaluate(model: model, testFiles: files, json: json)
            print(text, terminator: json ? "\n" : "")
        }
        if let tagger {
            print(try AspectPolarityRun.evaluateTagger(tagger, testFiles: files, lexicon: try SentimentPaths.loadAspects(aspectModel: nil)))
        }
    }
}

/// `shopnlp sentiment absa train-tagger`: the learned aspect-term extractor (BIO over BiLSTM states).
struct SentimentAbsaTrainTaggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-tagger",
        abstract: "Train a BIO aspect-term tagger on SemEval-2014 train XML; --test prints term F1 beside the lexicon's.")

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (SemEval-2014 XML), pooled.")
    var train: [String]
    @Option(name: .long, help: "Where to write the tagger.")
    var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Gold files to score on.")
    var test: [String] = []
    @Option(name: .long, help: "Vectors that start the embedding layer (default: Models/embeddings-en.model; 'none' for random).")
    var embeddings: String?
    @Option(name: .long, help: "Seed.")
    var seed: UInt64 = 1
    @Option(name: .long, help: "Maximum epochs.")
    var epochs = 15
    @Option(name: .long, help: "Shared corpora folder.")
    var corpora: String?

    func run() throws {
        var options = AspectPolarityOptions()
        options.seed = seed; options.epochs = epochs; options.dropout = 0.3; options.patience = 4
        let vectors = embeddings == "none" ? nil : (embeddings ?? (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-en.model"))
        print(try AspectPolarityRun.trainTagger(
            trainFiles: train.map { SentimentPaths.dataFile($0, corpora: corpora) },
            testFiles: test.map { SentimentPaths.dataFile($0, corpora: corpora) }, options: options, embeddings: vectors,
            lexicon: try SentimentPaths.loadAspects(aspectModel: nil), out: out, log: { SentimentPaths.log($0 + "\n") }), terminator: "")
    }
}
