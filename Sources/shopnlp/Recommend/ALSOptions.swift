import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// ALS hyper-parameters as command-line options. Factors, reg, alpha and sentiment weight
/// are optional: `recommend train` tunes the ones not given (a given value fixes it).
struct ALSOptions: ParsableArguments {
    @Option(name: .long, help: "Latent factors (train: tuned over 32, 64, 128 unless given; else 64).", range: .width) var factors: Int?
    @Option(name: .long, help: "ALS sweeps.", range: .epochs) var iterations = 15
    @Option(name: .long, help: "L2 regularisation λ (train: tuned over 0.1, 1, 10, 100 unless given; else 1).", range: .nonNegative) var reg: Float?
    @Option(name: .long, help: "Confidence scale: c = 1 + alpha · strength (train: tuned over 5, 20, 40 unless given; else 20).", range: .nonNegative) var alpha: Float?
    @Option(name: .long, help: "Share of the strength taken from review sentiment (train: 0 or tuned over 0.25, 0.5, 0.75 unless given; else 0.5).", range: .fraction) var sentimentWeight: Float?
    @Option(name: .long, help: "Solver: cg (conjugate gradient, fast) or cholesky (exact).") var solver = "cg"
    @Option(name: .long, help: "Conjugate-gradient steps per solve.", range: .small) var cgSteps = 3
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 42
    @Option(name: .long, help: "Worker threads (0: all cores).", range: .threadsOrAll) var threads = 0
    @Flag(name: .long, help: "Scale λ by each user's/item's interaction count, as Spark MLlib's ALS does (scripts/spark/als.py).") var regPerInteraction = false

    func config() throws -> ALSConfig {
        guard let s = ALSConfig.Solver(rawValue: solver) else { throw ValidationError("--solver must be cg or cholesky") }
        var c = ALSConfig()
        c.factors = factors ?? 64; c.iterations = iterations; c.regularization = reg ?? 1
        c.solver = s; c.cgSteps = cgSteps; c.seed = seed; c.threads = threads
        c.scaleRegularization = regPerInteraction
        return c
    }

    var shaping: ConfidenceShaping { ConfidenceShaping(alpha: alpha ?? 20, sentimentWeight: sentimentWeight ?? 0.5) }

    /// The default tuning grid with every value given on the command line fixed.
    var grid: TuningGrid {
        var g = TuningGrid()
        if let factors { g.factors = [factors] }
        if let reg { g.regularizations = [reg] }
        if let alpha { g.alphas = [alpha] }
        if let sentimentWeight { g.sentimentWeights = [sentimentWeight] }
        return g
    }
}
