/// Chooses ALS regularisation and confidence settings on a validation split carved from
/// the training data (each user's latest training interaction), never on the test split.
public struct TuningGrid: Sendable {
    public var regularizations: [Float] = [0.1, 1, 10]
    public var alphas: [Float] = [5, 20, 40]
    public var sentimentWeights: [Float] = [0.25, 0.5, 0.75]
    public init() {}
}

public struct TunedSettings: Sendable {
    public var config: ALSConfig
    public var shaping: ConfidenceShaping
    /// NDCG@10 on the validation split.
    public var validationNDCG: Double
}

public enum Tuning {
    public static func tune(training: TrainingSet, base: ALSConfig, useSentiment: Bool,
                            grid: TuningGrid = TuningGrid(), k: Int = 10) -> TunedSettings {
        let inner = LeaveLastOut(training.interactions)
        let innerTraining = TrainingSet(interactions: inner.train, positive: training.positive)
        var best = TunedSettings(config: base, shaping: ConfidenceShaping(), validationNDCG: -1)
        for reg in grid.regularizations {
            for alpha in grid.alphas {
                for weight in useSentiment ? grid.sentimentWeights : [0] {
                    var config = base
                    config.regularization = reg
                    let shaping = ConfidenceShaping(alpha: alpha, sentimentWeight: weight)
                    let m = innerTraining.matrix(shaping: shaping, useSentiment: useSentiment)
                    let model = ALSTrainer.train(m, config: config)
                    let ndcg = RankingMetrics.evaluate(model, matrix: m, test: inner.test, k: k).ndcg
                    if ndcg > best.validationNDCG { best = TunedSettings(config: config, shaping: shaping, validationNDCG: ndcg) }
                }
            }
        }
        return best
    }
}
