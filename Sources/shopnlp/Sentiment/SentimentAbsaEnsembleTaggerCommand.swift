import ArgumentParser
import Foundation
import ShopData
import ShopSentiment

/// `shopnlp sentiment absa ensemble-tagger`.
struct SentimentAbsaEnsembleTaggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble-tagger",
        abstract: "Join several aspect-term taggers (e.g. member seeds) into one file that averages their emission and CRF scores (N× the tagging cost).")

    @Option(name: .long, parsing: .upToNextOption, help: "The taggers to join (all CRF, or all softmax).") var tagger: [String]
    @Option(name: .long, help: "Where to write the ensemble.") var out: String
    @Option(name: .long, parsing: .upToNextOption, help: "Training files the members were trained on: prints the ensemble's term F1 on the dev sentences --seed carves from them.") var train: [String] = []
    @Option(name: .long, help: "The dev carve's seed (with --train).") var seed: UInt64 = 1
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func validate() throws {
        if tagger.count < 2 { throw ValidationError("--tagger needs at least two files") }
    }

    func run() throws {
        print(try AspectPolarityRun.ensembleTaggers(tagger, out: out, devFiles: train.map { SentimentPaths.dataFile($0, corpora: corpora) },
                                                    seed: seed), terminator: "")
    }
}
