import ArgumentParser
import Foundation
import ShopCopywriting

/// `shopnlp bench describe`: parses the options and runs ShopCopywriting's `DescribeBenchmark`.
struct BenchDescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Blurb quality (coverage, hallucinations, distinct-2, BLEU-4, banned terms) and speed.",
        discussion: """
        AdvertiseGen ships only dev.json: it is split 80/20 with a fixed seed (the LM trains on the
        80%); every measure here uses the held-out 20% only. BLEU-4 (characters) against the human
        copy is for reference: templates are not trying to reproduce it.
        """
    )

    @Option(name: .long, help: "Corpora folder (default: ../shared/corpora or SHOPNLP_CORPORA).") var corpora: String?
    @Option(name: .long, help: "Ranking LM file(s), comma-separated (default: Models/copy-lm-zh.snm, -en.snm).") var model: String?
    @Option(name: .long, help: "Speed: describe the held-out set this many times per configuration.", range: .small) var repeats = 5
    @Option(name: .long, help: "Print this many example outputs per language.", range: .nonNegativeCount) var examples = 3
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "Candidates per product rescored by the LM (as describe --lm-shortlist).", range: .small) var lmShortlist = RankingWeights.shipped.fluencyShortlist
    @Option(name: .long, help: "Speed: threads for the parallel rows (default: the machine's cores, at most 8).") var threads = min(8, ProcessInfo.processInfo.activeProcessorCount)

    func run() throws {
        var b = DescribeBenchmark()
        b.corpora = corpora; b.model = model; b.repeats = repeats; b.examples = examples
        b.seed = seed; b.lmShortlist = lmShortlist; b.threads = threads
        try b.run()
    }
}
