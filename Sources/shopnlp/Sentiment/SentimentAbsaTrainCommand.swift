import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa train`.
struct SentimentAbsaTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Train an aspect-polarity model on SemEval-2014 train XML (dev carved from train by --seed).")

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (SemEval-2014 XML), pooled.") var train: [String]
    @Option(name: .long, parsing: .upToNextOption, help: "More training files never carved into dev (e.g. the other domain).") var alsoTrain: [String] = []
    @Option(name: .long, help: "Where to write the model.") var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Test files to score the trained model on (printed, and kept in the manifest).") var test: [String] = []
    @Option(name: .long, help: "Vectors that start the embedding layer (default: Models/embeddings-en.model; 'none' for random).") var embeddings: String?
    @Option(name: .long, help: "Seed (initialisation, dev split, batch order).") var seed: UInt64 = 1
    @Option(name: .long, help: "Maximum epochs (the best dev epoch is kept).") var epochs = 20
    @Option(name: .long, help: "Epochs without a better dev score before stopping.") var patience = 5
    @Option(name: .long, help: "BiLSTM hidden size per direction.") var hidden = 64
    @Option(name: .long, help: "Learning rate.") var learningRate: Float = 2e-3
    @Option(name: .long, help: "Dropout.") var dropout: Float = 0.5
    @Option(name: .long, help: "Start the embedding rows and the BiLSTM from this sentiment model's deep path (default: Models/sentiment-en.model).") var initFrom: String?
    @Flag(name: .long, help: "Start the BiLSTM at random (no --init-from).") var noInitFrom = false
    @Option(name: .long, help: "Mix this review sentiment model's opinion of the aspect's clause and sentence into the network, the mix chosen on dev (the file is stored inside the model; use one trained without SemEval text). An aspect model file gives the one stored in it (default: the one inside Models/absa-en.model).") var transferFrom: String?
    @Flag(name: .long, help: "The network alone (no --transfer-from).") var noTransfer = false
    @Flag(name: .long, help: "Keep the pretrained embeddings fixed.") var freezeEmbeddings = false
    @Flag(name: .long, help: "Weight the loss by inverse class frequency.") var balanceClasses = false
    @Option(name: .long, help: "LCF-style local context: states within this many tokens of the term keep full weight (0: the plain 1 − d/n).") var localContext = 0
    @Flag(name: .long, help: "The classifier also reads the max and the mean over all states.") var maxMeanPooling = false
    @Flag(name: .long, help: "With the transfer mix, also tune a negative-class offset with the neutral bias on dev (the default).") var classOffsets = false
    @Flag(name: .long, help: "Tune the transfer mix without the negative-class offset.") var noClassOffsets = false
    @Flag(name: .long, help: "Also write <out without .model>.manifest.json (size, checksum, scores, rebuild command).") var manifest = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func validate() throws {
        if train.isEmpty { throw ValidationError("--train needs at least one XML file") }
        if epochs < 1 || hidden < 1 { throw ValidationError("--epochs and --hidden must be positive") }
        if localContext < 0 { throw ValidationError("--local-context must be ≥ 0") }
        if !(0..<1).contains(dropout) { throw ValidationError("--dropout must be in [0, 1)") }
    }

    func run() throws {
        var options = AspectPolarityOptions.recommended(modelsFolder: ResourcePaths.packageFolder("Models"))
        options.seed = seed; options.epochs = epochs; options.patience = patience
        options.hiddenSize = hidden; options.learningRate = learningRate; options.dropout = dropout
        options.freezeEmbeddings = freezeEmbeddings; options.balanceClasses = balanceClasses
        if localContext > 0 { options.localContext = localContext }
        if maxMeanPooling { options.maxMeanPooling = true }
        if classOffsets { options.classOffsets = true }
        if noClassOffsets { options.classOffsets = nil }
        if let initFrom { options.initFrom = initFrom }
        if noInitFrom { options.initFrom = nil }
        if let transferFrom { options.transferFrom = transferFrom }
        if noTransfer { options.transferFrom = nil }
        let vectors = embeddings == "none" ? nil : (embeddings ?? (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-en.model"))
        let command = (["shopnlp", "sentiment", "absa"] + CommandLine.arguments.drop(while: { $0 != "train" }))
            .map(ShellQuote.word).joined(separator: " ")
        let result = try AspectPolarityRun.trainAndTest(
            trainFiles: train.map { SentimentPaths.dataFile($0, corpora: corpora) },
            extraFiles: alsoTrain.map { SentimentPaths.dataFile($0, corpora: corpora) },
            testFiles: test.map { SentimentPaths.dataFile($0, corpora: corpora) },
            options: options, embeddings: vectors, out: out, writeManifest: manifest, command: command,
            log: { SentimentPaths.log($0 + "\n") })
        print(result)
    }
}
