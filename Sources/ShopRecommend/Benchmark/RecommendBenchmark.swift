import Foundation
import ShopCore
import ShopData
import ShopNeural

/// Ranking quality on both Amazon review sets (popularity, item-kNN, ALS, ALS+sentiment;
/// all and sparse users) and ALS training time against the `implicit` library measured in
/// the same run.
public struct RecommendBenchmark {
    /// Shared corpora folder.
    public var corpora: String?
    /// The ALS settings of every row, and the confidence shaping.
    public var config: ALSConfig
    public var shaping: ConfidenceShaping
    /// Synthetic speed set: users, items, interactions.
    public var speedUsers = 50_000
    public var speedItems = 10_000
    public var speedInteractions = 1_000_000
    /// Python with `implicit` installed, for the peer.
    public var python = "python3"
    /// Skip the quality part.
    public var speedOnly = false
    /// End with one JSON line of all figures.
    public var json = false
    /// Where the report lines go, and the notes (stderr in the CLI).
    public var emit: (String) -> Void = { print($0) }
    public var note: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    public init(config: ALSConfig, shaping: ConfidenceShaping) {
        self.config = config
        self.shaping = shaping
    }

    /// Runs the quality tables (unless `speedOnly`) and the speed comparison, writing
    /// through `emit` and, for notes, `note`.
    public func run() throws {
        var report: [String: Any] = [:]
        if !speedOnly {
            let sentiment = try? InteractionSentiment(model: nil)
            if sentiment == nil { note("no default sentiment model: ALS+sentiment rows are skipped") }
            for (name, file) in [("all_beauty", "amazon_all_beauty_5core/All_Beauty_5.json"),
                                 ("musical_instruments", "amazon_musical_instruments_5core_partial/Musical_instruments_reviews.csv")] {
                let path = ResourcePaths.corpus(file, root: corpora)
                let (xs, errors) = try InteractionReader.read(path: path)
                let split = LeaveLastOut(xs)
                let t0 = Date()
                let features = sentiment?.features(for: split.train) ?? []
                let tagSeconds = Date().timeIntervalSince(t0)
                let rows = Comparison.run(training: TrainingSet(interactions: split.train, features: features), test: split.test,
                                          config: config, shaping: shaping, tune: true, clock: { Date().timeIntervalSince1970 })
                emit("== \(name): \(xs.count) interactions (\(errors.count) bad), \(split.train.count) train / \(split.test.count) held out; sentiment tagging \(String(format: "%.2f", tagSeconds)) s")
                emit(ComparisonTable.render(rows, k: 10, sparseLimit: 3))
                report[name] = rows.map { ["model": $0.model, "all": $0.all.jsonFields(k: 10), "sparse_users": $0.sparse.jsonFields(k: 10)] as [String: Any] }
            }
        }
        report["speed"] = try speed(config)
        if json { emit(JSONLine.object(report)) }
    }

    /// ALS on a seeded synthetic set with a long-tailed item popularity, ours vs implicit.
    func speed(_ config: ALSConfig) throws -> [String: Any] {
        var rng = SeededRandom(seed: 11)
        var triples: [(user: String, item: String, confidence: Float)] = []
        triples.reserveCapacity(speedInteractions)
        for _ in 0..<speedInteractions {
            let u = Int(rng.next() % UInt64(speedUsers))
            let r = Double(rng.next() % 1_000_000) / 1_000_000
            let i = min(speedItems - 1, Int(Double(speedItems) * r * r))   // popular items first
            triples.append(("u\(u)", "i\(i)", 1 + Float(rng.next() % 5)))
        }
        let matrix = InteractionMatrix(triples: triples)
        let t0 = Date()
        _ = ALSTrainer.train(matrix, config: config)
        let ours = Date().timeIntervalSince(t0)
        emit(String(format: "== ALS speed: %d users × %d items, %d interactions, %d factors, %d iterations, %@ solver",
                     matrix.userCount, matrix.itemCount, matrix.entryCount, config.factors, config.iterations, config.solver.rawValue))
        emit(String(format: "shopnlp ALS: %.2f s (row solves on %d threads, OpenBLAS threads %d)", ours,
                     config.threads > 0 ? config.threads : ProcessInfo.processInfo.activeProcessorCount, BLAS.openBLASThreads))
        var result: [String: Any] = ["ours_seconds": ours, "nnz": matrix.entryCount]

        let csv = NSTemporaryDirectory() + "shopnlp-als-\(ProcessInfo.processInfo.processIdentifier).csv"
        var text = "user,item,confidence\n"
        for u in 0..<matrix.userCount {
            for e in matrix.userStart[u]..<matrix.userStart[u + 1] {
                text += "\(matrix.userIDs[u]),\(matrix.itemIDs[Int(matrix.userItems[e])]),\(matrix.userConfidence[e])\n"
            }
        }
        try AtomicFile.write(text, to: csv)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let script = (ResourcePaths.packageFolder("Benchmarks") as NSString).appendingPathComponent("implicit_peer.py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, script, "--input", csv, "--factors", String(config.factors), "--iterations", String(config.iterations),
                       "--reg", String(config.regularization), "--cg", config.solver == .cg ? "1" : "0"]
        // implicit asks for OPENBLAS_NUM_THREADS=1 (it parallelises rows itself, as we do).
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_NUM_THREADS"] = "1"
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 0, let peer = try? JSONSerialization.jsonObject(with: out) as? [String: Any],
           let seconds = peer["seconds"] as? Double {
            emit(String(format: "%@ ALS: %.2f s (its own threads: all cores, OPENBLAS_NUM_THREADS=1)   ratio ours/peer = %.2f×", (peer["peer"] as? String ?? "implicit") as NSString, seconds, ours / seconds))
            result["peer_seconds"] = seconds
            result["ratio"] = ours / seconds
        } else {
            emit("peer: implicit not available (pip install implicit) — no same-run comparison")
        }
        return result
    }
}
