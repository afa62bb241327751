import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa train-tagger`: the learned aspect-term extractor (BIO over BiLSTM states).
struct SentimentAbsaTrainTaggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train-tagger", abstract: "Train a BIO aspect-term tagger on SemEval-2014 train XML; --test prints term F1 beside the lexicon's.")

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (SemEval-2014 XML), pooled.") var train: [String]
    @Option(name: .long, help: "Where to write the tagger.") var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Gold files to score on.") var test: [String] = []
    @Option(name: .long, help: "Vectors that start the embedding layer (default: Models/embeddings-en.model; 'none' for random).") var embeddings: String?
    @Option(name: .long, help: "Seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "Maximum epochs.") var epochs = 15
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

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
