import Foundation
import ShopCore
import ShopData

/// Latency of one dialogue turn (classify + entities + slots + reply) with the default
/// model, p50/p99 over many turns; the target is p99 <= 10 ms.
public struct ChatBenchmark {
    /// Intent model (nil: Models/intent.model).
    public var model: String?
    /// Intents folder (nil: Intents/).
    public var intents: String?
    /// Number of timed turns.
    public var turns = 20000
    /// Turns per conversation before the state is reset.
    public var conversationLength = 6
    /// Ablation: classify with the wide path only (no BiLSTM, no worker threads).
    public var wideOnly = false
    /// Where the report lines go.
    public var emit: (String) -> Void = { print($0) }

    public init() {}

    /// Replays the turns and writes the latency lines through `emit`.
    public func run() throws {
        let session = try ChatSession.open(modelPath: model, intentsPath: intents, seed: 7)
        if wideOnly { session.useWideOnly() }
        // messages: the held-out eval sets when present (realistic, unseen), else the examples
        var messages: [String] = []
        let evalDir = (session.intentsPath as NSString).appendingPathComponent("eval")
        for f in ["zh.tsv", "en.tsv"] {
            let p = (evalDir as NSString).appendingPathComponent(f)
            if FileManager.default.fileExists(atPath: p) { messages += try IntentTSV.read(p).map(\.text) }
        }
        if messages.isEmpty { messages = session.intentSet.trainingExamples().map(\.text) }
        guard !messages.isEmpty else { throw BenchmarkError.missingInput("no messages to replay") }
        var rng = SplitMix64(seed: 11)
        messages.shuffle(using: &rng)
        let m = session.manager
        for i in 0..<min(200, messages.count) { _ = m.respond(messages[i]) } // warm-up
        m.reset()
        var times: [Double] = []
        var cpu: [Double] = []
        times.reserveCapacity(turns)
        cpu.reserveCapacity(turns)
        for i in 0..<turns {
            if i % conversationLength == 0 { m.reset() }
            let msg = messages[i % messages.count]
            let c0 = CPUClock.processSeconds()
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = m.respond(msg)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            cpu.append((CPUClock.processSeconds() - c0) * 1000)
        }
        times.sort()
        cpu.sort()
        func pct(_ a: [Double], _ p: Double) -> Double { a[min(a.count - 1, Int(Double(a.count) * p))] }
        emit("bench chat: \(turns) turns over \(messages.count) distinct messages, model \(session.modelPath)\(wideOnly ? " (wide path only)" : "")")
        emit(String(format: "turn latency ms (wall): p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f",
                     pct(times, 0.5), pct(times, 0.9), pct(times, 0.99), times.last!, times.reduce(0, +) / Double(times.count)))
        emit(String(format: "turn CPU ms (all threads): p50 %.3f  p90 %.3f  p99 %.3f  max %.3f",
                     pct(cpu, 0.5), pct(cpu, 0.9), pct(cpu, 0.99), cpu.last!))
        emit(pct(times, 0.99) <= 10 ? "p99 wall within the 10 ms target" : "p99 wall ABOVE the 10 ms target (on a loaded machine compare the CPU line)")
    }
}
