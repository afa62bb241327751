/// The side-by-side report `recommend eval` and the benchmark print: every model on the
/// same training data and held-out interactions, for all users and for sparse users.
public struct ComparisonRow: Sendable {
    public var model: String
    public var all: RankingMetrics
    /// Users with at most `sparseLimit` training interactions (where review signals are
    /// reported to matter most).
    public var sparse: RankingMetrics
    public var trainSeconds: Double
}

public enum Comparison {
    public static func run(training: TrainingSet, test: [Interaction], config: ALSConfig, shaping: ConfidenceShaping,
                           k: Int = 10, sparseLimit: Int = 3, knnNeighbours: Int = 100,
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
            row("als", plain) { ALSTrainer.train(plain, config: config) },
        ]
        if training.hasSentiment {
            // Same users and items in the same order, so the sparse filter still applies.
            let shaped = training.matrix(shaping: shaping, useSentiment: true)
            rows.append(row("als+sentiment", shaped) { ALSTrainer.train(shaped, config: config) })
        }
        return rows
    }
}
