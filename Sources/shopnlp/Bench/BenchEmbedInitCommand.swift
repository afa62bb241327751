import ArgumentParser
import Foundation
import ShopEmbeddings

/// `shopnlp bench embed-init`: parses the options and runs ShopEmbeddings's `EmbedInitBenchmark`.
struct BenchEmbedInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "embed-init", abstract: "Sentiment test accuracy with random vs pretrained (our vectors) embedding initialisation.")

    @Option(name: .long, help: "Vectors file (default Models/embeddings-zh.model).") var vectors: String?
    @Option(name: .long, help: "Datasets: chnsenticorp, online_shopping, or all.") var dataset = "all"
    @Option(name: .long, help: "Fraction of online_shopping_10_cats train used.", range: .positiveFraction) var fraction = 0.1
    @Option(name: .long, help: "Seeds to run (comma-separated).") var seeds = "1"
    @Option(name: .long, help: "Epochs (best dev epoch is kept).", range: .epochs) var epochs = 4
    @Option(name: .long, help: "LSTM hidden units per direction.", range: .width) var hidden = 64
    @Option(name: .long, help: "Longest sequence kept, in tokens.", range: .length) var maxLength = 128
    @Flag(name: .long, help: "Freeze the pretrained embeddings instead of fine-tuning them.") var freeze = false
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?
    @Flag(name: .long, help: "Progress bars.") var progress = false

    func run() throws {
        var b = EmbedInitBenchmark()
        b.seeds = seeds.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !b.seeds.isEmpty else { throw ValidationError("--seeds: give numbers like 1,2,3") }
        switch dataset {
        case "all": b.datasets = ["chnsenticorp", "online_shopping"]
        case "chnsenticorp", "online_shopping": b.datasets = [dataset]
        default: throw ValidationError("--dataset must be chnsenticorp, online_shopping or all")
        }
        b.vectors = vectors; b.fraction = fraction; b.epochs = epochs; b.hidden = hidden; b.maxLength = maxLength
        b.freeze = freeze; b.corpora = corpora; b.progress = progress
        try b.run()
    }
}
