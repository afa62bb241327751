import ArgumentParser
import ShopData

/// `shopnlp bench readers`: parses the options and runs ShopData's `ReaderBenchmark`.
struct BenchReadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "readers", abstract: "Reader throughput (MB/s) for lines, TSV, CSV, JSON Lines, XML and HTML-to-text, with Foundation peers.")

    @Option(name: .long, help: "The shared corpora folder (default: SHOPNLP_CORPORA, else ../shared/corpora).") var corpora: String?
    @Option(name: .long, help: "Minimum seconds per measurement (the file is read repeatedly).", range: .seconds) var seconds = 1.0
    @Option(name: .long, help: "Size in MB of the generated TSV for the streaming test (0: skip).", range: .length) var bigMb = 256

    func run() throws {
        try ReaderBenchmark(corpora: corpora, seconds: seconds, bigMegabytes: bigMb).run()
    }
}
