import ArgumentParser
import ShopDialogue

/// `shopnlp bench chat`: parses the options and runs ShopDialogue's `ChatBenchmark`.
struct BenchChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Chat turn latency (p50/p99/max) with the default intent model; target p99 <= 10 ms.")

    @Option(help: "Intent model (default: Models/intent.model).") var model: String?
    @Option(help: "Intents folder (default: Intents/).") var intents: String?
    @Option(help: "Number of timed turns.", range: .tableSize) var turns: Int = 20000
    @Option(help: "Turns per conversation before the state is reset.", range: .small) var conversationLength: Int = 6
    @Flag(help: "Ablation: classify with the wide path only (no BiLSTM, no worker threads).") var wideOnly = false

    func run() throws {
        var b = ChatBenchmark()
        b.model = model; b.intents = intents; b.turns = turns; b.conversationLength = conversationLength; b.wideOnly = wideOnly
        try b.run()
    }
}
