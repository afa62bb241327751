import ArgumentParser
import Foundation
import ShopSentiment
import ShopCore

/// `shopnlp sentiment absa transfer`.
struct SentimentAbsaTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Mix a review sentiment model into a trained aspect-polarity model, the mix chosen on the model's dev terms.")

    @Option(name: .long, help: "The trained aspect-polarity model.") var model: String
    @Option(name: .long, parsing: .upToNextOption, help: "The training files the model was trained on, in the same order (the dev carve is redone from them).") var train: [String]
    @Option(name: .long, help: "The seed the model was trained with (it chose the dev sentences).") var seed: UInt64 = 1
    @Option(name: .long, help: "The review sentiment model to transfer from (stored inside the output).") var sentiment: String
    @Option(name: .long, help: "Where to write the mixed model.") var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Test files to score the mixed model on (printed, and kept in the manifest).") var test: [String] = []
    @Flag(name: .long, help: "Also write <out without .model>.manifest.json (size, checksum, scores, rebuild commands).") var manifest = false
    @Flag(name: .long, help: "Also tune a negative-class offset with the neutral bias (per-class log-prior offsets, chosen on dev).") var classOffsets = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func validate() throws {
        if train.isEmpty { throw ValidationError("--train needs the model's training files") }
    }

    func run() throws {
        print(try AspectPolarityRun.attachTransfer(model: model, trainFiles: train.map { SentimentPaths.dataFile($0, corpora: corpora) },
                                                   seed: seed, sentiment: sentiment, out: out,
                                                   testFiles: test.map { SentimentPaths.dataFile($0, corpora: corpora) }, writeManifest: manifest,
                                                   command: (["shopnlp", "sentiment", "absa"] + CommandLine.arguments.drop(while: { $0 != "transfer" }))
                                                       .map(ShellQuote.word).joined(separator: " "),
                                                   classOffsets: classOffsets, log: { SentimentPaths.log($0 + "\n") }), terminator: "")
    }
}
