import ArgumentParser
import Foundation
import ShopSentiment

/// `shopnlp sentiment absa ensemble`.
struct SentimentAbsaEnsembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Join several aspect-polarity models (e.g. seeds) into one file that averages their probabilities (N× the inference cost).")

    @Option(name: .long, parsing: .upToNextOption, help: "The models to join (with a transfer: all the same sentiment model).") var model: [String]
    @Option(name: .long, help: "Where to write the ensemble.") var out: String

    func validate() throws {
        if model.count < 2 { throw ValidationError("--model needs at least two files") }
    }

    func run() throws {
        print(try AspectPolarityRun.ensemble(models: model, out: out))
    }
}
