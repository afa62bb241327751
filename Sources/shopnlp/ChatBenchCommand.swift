import ArgumentParser
import Foundation
import ShopData
import ShopDialogue

/// `shopnlp bench chat`: latency of one dialogue turn (classify + entities + slots + reply)
/// with the default model, p50/p99 over many turns.
struct BenchChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat turn latency (p50/p99/max) with the default intent model; target p99 <= 10 ms."
    )

    @Option(help: "Intent model (default: Models/intent.model).")
    var model: String?

    @Option(help: "Intents folder (default: Intents/).")
    var intents: String?

    @Option(help: "Number of timed turns.")
    var turns: Int = 20000

    @Option(help: "Turns per conversation before the state is reset.")
    var conversationLength: Int = 6

    func run() throws {
        let session = try ChatSession.open(modelPath: model, intentsPath: intents, seed: 7)
        // messages: the held-out eval sets when present (realistic, unseen), else the examples
        var messages: [String] = []
        let evalDir = (session.intentsPath as NSString).appendingPathComponent("eval")
        for f in ["zh.tsv", "en.tsv"] {
            let p = (evalDir as NSString).appendingPathComponent(f)
            if FileManager.default.fileExists(atPath: p) { messages += try IntentTSV.read(p).map(\.text) }
        }
        if messages.isEmpty { messages = session.intentSet.trainingExamples().map(\.text) }
        guard !messages.isEmpty else { throw ValidationError("no messages to replay") }
        var rng = SplitMix64(seed: 11)
        messages.shuffle(using: &rng)
        let m = session.manager
        for i in 0..<min(200, messages.count) { _ = m.respond(messages[i]) } // warm-up
        m.reset()
        var times: [Double] = []
        times.reserveCapacity(turns)
        for i in 0..<turns {
            if i % conversationLength == 0 { m.reset() }
            let msg = messages[i % messages.count]
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = m.respond(msg)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort()
        func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
        print("bench chat: \(turns) turns over \(messages.count) distinct messages, model \(session.modelPath)")
        print(String(format: "turn latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f",
                     pct(0.5), pct(0.9), pct(0.99), times.last!, times.reduce(0, +) / Double(times.count)))
        print(pct(0.99) <= 10 ? "p99 within the 10 ms target" : "p99 ABOVE the 10 ms target")
    }
}
