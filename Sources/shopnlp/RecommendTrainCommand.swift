import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// ALS hyper-parameters as command-line options.
struct ALSOptions: ParsableArguments {
    @Option(name: .long, help: "Latent factors.", range: .width) var factors = 64
    @Option(name: .long, help: "ALS sweeps.", range: .epochs) var iterations = 15
    @Option(name: .long, help: "L2 regularisation λ (small data wants more; `bench recommend` tunes it on a validation split).", range: .nonNegative) var reg: Float = 1
    @Option(name: .long, help: "Confidence scale: c = 1 + alpha · strength.", range: .nonNegative) var alpha: Float = 20
    @Option(name: .long, help: "Share of the strength taken from review sentiment (with --features).", range: .fraction) var sentimentWeight: Float = 0.5
    @Option(name: .long, help: "Solver: cg (conjugate gradient, fast) or cholesky (exact).") var solver = "cg"
    @Option(name: .long, help: "Conjugate-gradient steps per solve.", range: .small) var cgSteps = 3
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 42
    @Option(name: .long, help: "Worker threads (0: all cores).", range: .threadsOrAll) var threads = 0
    @Flag(name: .long, help: "Scale λ by each user's/item's interaction count, as Spark MLlib's ALS does (scripts/spark/als.py).") var regPerInteraction = false

    func config() throws -> ALSConfig {
        guard let s = ALSConfig.Solver(rawValue: solver) else { throw ValidationError("--solver must be cg or cholesky") }
        var c = ALSConfig()
        c.factors = factors; c.iterations = iterations; c.regularization = reg
        c.solver = s; c.cgSteps = cgSteps; c.seed = seed; c.threads = threads
        c.scaleRegularization = regPerInteraction
        return c
    }

    var shaping: ConfidenceShaping { ConfidenceShaping(alpha: alpha, sentimentWeight: sentimentWeight) }
}

/// `shopnlp recommend train`.
struct RecommendTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train implicit ALS (Hu, Koren & Volinsky 2008), with review sentiment shaping confidence when --features is given.")

    @OptionGroup var input: InteractionInputOptions
    @Option(name: .long, help: "Features from `recommend features` (sentiment per interaction).") var features: String?
    @Option(name: .long, help: "Model file to write.") var out: String
    @Option(name: .long, help: "Hold out each user's latest interaction and write it here (for `recommend eval`).") var holdoutLast: String?
    @Option(name: .long, help: "With --holdout-last: write the training pairs (user,item) here, so another ALS (e.g. scripts/spark/als.py) trains on the same split.") var holdoutTrain: String?
    @OptionGroup var als: ALSOptions

    func validate() throws {
        if holdoutTrain != nil && holdoutLast == nil { throw ValidationError("--holdout-train needs --holdout-last") }
    }

    func run() throws {
        var interactions = try input.load()
        if let holdoutLast {
            let split = LeaveLastOut(interactions)
            interactions = split.train
            var lines = "user,item,rating,timestamp\n"
            for x in split.test { lines += "\(x.user),\(x.item),\(x.rating.map { String($0) } ?? ""),\(x.timestamp.map(String.init) ?? "")\n" }
            try AtomicFile.write(lines, to: holdoutLast)
            recommendNote("held out \(split.test.count) interactions → \(holdoutLast)")
            if let holdoutTrain {
                try AtomicFile.write("user,item\n" + split.train.map { "\($0.user),\($0.item)\n" }.joined(), to: holdoutTrain)
            }
        }
        let feats = try features.map { try InteractionFeature.read(path: $0) } ?? []
        let training = TrainingSet(interactions: interactions, features: feats)
        let start = Date()
        let model = RecommenderModel(training: training, config: try als.config(), shaping: als.shaping,
                                     useSentiment: !feats.isEmpty) { it, loss in
            recommendNote(String(format: "iteration %d  loss %.4f", it, loss))
        }
        try model.save(to: out)
        recommendNote(String(format: "trained %d users × %d items (%d interactions%@) in %.2f s → %@",
                             model.matrix.userCount, model.matrix.itemCount, model.matrix.entryCount,
                             model.settings.usedSentiment ? ", sentiment-shaped" : "", Date().timeIntervalSince(start), out))
    }
}
