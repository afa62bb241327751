import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa train-tagger`: the learned aspect-term extractor (BIO over BiLSTM states).
struct SentimentAbsaTrainTaggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train-tagger", abstract: "Train a BIO aspect-term tagger on SemEval-2014 train XML; --test prints term F1 beside the lexicon's.")

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (SemEval-2014 XML), pooled.") var train: [String]
    @Option(name: .long, parsing: .upToNextOption, help: "More training files never carved into dev (e.g. the other domain).") var alsoTrain: [String] = []
    @Option(name: .long, help: "Where to write the tagger.") var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Gold files to score on.") var test: [String] = []
    @Option(name: .long, help: "Vectors that start the embedding layer (default: Models/embeddings-en.model; 'none' for random).") var embeddings: String?
    @Option(name: .long, help: "Seed (dev carve; also the network and batch order unless --member-seed).") var seed: UInt64 = 1
    @Option(name: .long, help: "Seeds the network and batch order apart from the dev carve (ensemble members sharing one dev set).") var memberSeed: UInt64?
    @Option(name: .long, help: "Maximum epochs.") var epochs = 15
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?
    @Option(name: .long, help: "Size of the hashed character n-gram vector per word (0: none).") var charDim = AspectTaggerFeatures().charDim
    @Option(name: .long, help: "Size of the word-shape (casing, digits) vector (0: none).") var shapeDim = AspectTaggerFeatures().shapeDim
    @Flag(inversion: .prefixedNo, help: "CRF output with Viterbi decoding (--no-crf: softmax per word).") var crf = AspectTaggerFeatures().crf
    @Option(name: .long, help: "BiLSTM size per direction.") var hidden = AspectPolarityOptions().hiddenSize
    @Flag(name: .long, help: "Also write <out without .model>.manifest.json (size, checksum, scores, rebuild command).") var manifest = false
    @Option(name: .long, help: "Most frequent words of the vectors added to the vocabulary beside the training words.") var pretrainedWords = AspectPolarityOptions().pretrainedWords

    func run() throws {
        var options = AspectPolarityOptions()
        options.seed = seed; options.epochs = epochs; options.dropout = 0.3; options.patience = 4; options.hiddenSize = hidden
        options.pretrainedWords = pretrainedWords
        options.memberSeed = memberSeed
        guard charDim >= 0, shapeDim >= 0, hidden > 0, pretrainedWords >= 0 else {
            throw ValidationError("--char-dim, --shape-dim and --pretrained-words must be ≥ 0, --hidden > 0")
        }
        var features = AspectTaggerFeatures()
        features.charDim = charDim; features.shapeDim = shapeDim; features.crf = crf
        let vectors = embeddings == "none" ? nil : (embeddings ?? (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-en.model"))
        let command = (["shopnlp", "sentiment", "absa"] + CommandLine.arguments.drop(while: { $0 != "train-tagger" }))
            .map(ShellQuote.word).joined(separator: " ")
        print(try AspectPolarityRun.trainTagger(
            trainFiles: train.map { SentimentPaths.dataFile($0, corpora: corpora) },
            extraFiles: alsoTrain.map { SentimentPaths.dataFile($0, corpora: corpora) },
            testFiles: test.map { SentimentPaths.dataFile($0, corpora: corpora) }, options: options, embeddings: vectors, features: features,
            lexicon: try SentimentPaths.loadAspects(aspectModel: nil, termTagger: false), out: out,
            writeManifest: manifest, command: command, log: { SentimentPaths.log($0 + "\n") }), terminator: "")
    }
}
