import ArgumentParser
import ShopTokenize

/// `shopnlp bench tokenize`: parses the options and runs ShopTokenize's `TokenizeBenchmark`.
struct BenchTokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "Tokenizer accuracy (SIGHAN 2005 PKU/MSR) and speed (zh/en reviews) against plain ICU.")

    @Option(help: "Shared corpora folder (default: SHOPNLP_CORPORA or ../shared/corpora).") var corpora: String?
    @Option(help: "Segmentation model (default: Corpora/segmentation/segmenter.bin).") var model: String?
    @Option(help: "Timed passes over each speed corpus (the median is reported).", range: .small) var repeats = 3
    @Flag(help: "Skip the speed part.") var noSpeed = false
    @Flag(help: "Skip the accuracy part.") var noAccuracy = false

    func run() throws {
        var b = TokenizeBenchmark()
        b.corpora = corpora; b.model = model; b.repeats = repeats; b.noSpeed = noSpeed; b.noAccuracy = noAccuracy
        try b.run()
    }
}
