import ArgumentParser
import ShopRecommend

/// `shopnlp bench recommend`: parses the options and runs ShopRecommend's `RecommendBenchmark`.
struct BenchRecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recommend", abstract: "Recommender quality on the Amazon sets and ALS speed against the implicit library.")

    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?
    @OptionGroup var als: ALSOptions
    @Option(name: .long, help: "Synthetic speed set: users.", range: .tableSize) var speedUsers = 50_000
    @Option(name: .long, help: "Synthetic speed set: items.", range: .tableSize) var speedItems = 10_000
    @Option(name: .long, help: "Synthetic speed set: interactions.", range: .tableSize) var speedInteractions = 1_000_000
    @Option(name: .long, help: "Python with `implicit` installed, for the peer.") var python = "python3"
    @Flag(name: .long, help: "Skip the quality part.") var speedOnly = false
    @Flag(name: .long, help: "End with one JSON line of all figures.") var json = false

    func run() throws {
        var b = RecommendBenchmark(config: try als.config(), shaping: als.shaping)
        b.corpora = corpora; b.speedUsers = speedUsers; b.speedItems = speedItems; b.speedInteractions = speedInteractions
        b.python = python; b.speedOnly = speedOnly; b.json = json
        try b.run()
    }
}
