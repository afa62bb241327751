/// The side-by-side report `recommend eval` and the benchmark print: every model on the
/// same training data and held-out interactions, for all users and for sparse users.
public struct ComparisonRow: Sendable {
    public var model: String
    public var all: RankingMetrics
    /// Users with at most `sparseLimit` training interactions (where review signals are
    /// reported to matter most).
    public var sparse: RankingMetrics
    public var trainSeconds: Double
    /// Hyper-parameters the row used, when they were tuned.
    public var settings = ""
}

public enum Comparison {
    public static func run(training: TrainingSet, test: [Interaction], config: ALSConfig, shaping: ConfidenceShaping,
                           k: Int = 10, sparseLimit: Int = 3, knnNeighbours: Int = 100, tune: Bool = false,
                           clock: () -> Double) -> [ComparisonRow] {
        let plain = training.matrix(shaping: shaping, useSentiment: false)
        let isSparse: (Int) -> Bool = { plain.items(ofUser: $0).count <= sparseLimit }
        func row(_ name: String, _ m: InteractionMatrix, _ build: () -> Recommender) -> ComparisonRow {
            let t0 = clock()
            let model = build()
            let seconds = clock() - t0
            return ComparisonRow(model: name,
                                 all: RankingMetrics.evaluate(model, matrix: m, test: test, k: k),
                                 sparse: RankingMetrics.evaluate(model, matrix: m, test: test, k: k, include: isSparse),
                                 trainSeconds: seconds)
        }
        var rows = [
            row("popularity", plain) { PopularityModel(plain) },
            row("item-knn", plain) { ItemKNNModel(plain, neighbours: knnNeighbours) },
        ]
        // With `tune`, each ALS variant gets its own settings chosen on a validation split
        // of the training data; the chosen settings are part of the row's name.
        func als(_ useSentiment: Bool) -> ComparisonRow {
            let tuned = tune ? Tuning.tune(training: training, base: config, useSentiment: useSentiment)
                             : TunedSettings(config: config, shaping: shaping, usedSentiment: useSentiment, validation: .none, fits: 0)
            // Same users and items in the same order as `plain`, so the sparse filter applies.
            let m = training.matrix(shaping: tuned.shaping, useSentiment: useSentiment)
            var r = row(useSentiment ? "als+sentiment" : "als", m) { ALSTrainer.train(m, config: tuned.config) }
            r.settings = "factors=\(tuned.config.factors) reg=\(tuned.config.regularization) alpha=\(tuned.shaping.alpha)" + (useSentiment ? " w=\(tuned.shaping.sentimentWeight)" : "")
            return r
        }
        rows.append(als(false))
        if training.hasSentiment { rows.append(als(true)) }
        return rows
    }
}
