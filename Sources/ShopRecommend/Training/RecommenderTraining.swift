import ShopCore
import ShopNeural

/// What `recommend train` does by default: carve a validation split from the training data
/// (each user's latest training interaction), tune ALS on it, score popularity and item-kNN
/// on the same split, choose what to serve, then refit ALS on all the training data.
public enum RecommenderTraining {
    /// `features` carry review sentiment (empty: stars only). `onIteration` sees the final fit.
    public static func train(interactions: [Interaction], features: [InteractionFeature] = [],
                             options: RecommenderTrainingOptions,
                             onIteration: ((Int, Double) -> Void)? = nil) -> (model: RecommenderModel, report: RecommenderTrainingReport) {
        let training = TrainingSet(interactions: interactions, features: features)
        let split = ValidationSplit(training)
        let canValidate = !split.validation.isEmpty
        var bar: ProgressBar?
        func progress(_ done: Int, _ total: Int) {
            // Total fits = tuning fits + the final refit.
            if bar == nil && options.showProgress { bar = ProgressBar(total: total + 1, label: "recommend tuning (ALS fits)") }
            bar?.update(done: done, loss: nil)
        }

        var als: TunedSettings
        if options.tune && canValidate {
            als = Tuning.tune(split: split, base: options.config, sentiment: .optional, grid: options.grid, k: options.k,
                              progress: progress)
        } else {
            let useSentiment = training.hasSentiment
            var score = ValidationScore.none
            if canValidate {
                let m = split.train.matrix(shaping: options.shaping, useSentiment: useSentiment)
                score = ValidationScore(RankingMetrics.evaluate(ALSTrainer.train(m, config: options.config), matrix: m,
                                                                test: split.validation, k: options.k))
            }
            als = TunedSettings(config: options.config, shaping: options.shaping, usedSentiment: useSentiment,
                                validation: score, fits: 0)
        }

        var scores: [RecommenderKind: ValidationScore] = [:]
        if canValidate {
            let plain = split.train.matrix(shaping: als.shaping, useSentiment: false)
            scores[.popularity] = ValidationScore(RankingMetrics.evaluate(PopularityModel(plain), matrix: plain,
                                                                          test: split.validation, k: options.k))
            scores[.knn] = ValidationScore(RankingMetrics.evaluate(ItemKNNModel(plain), matrix: plain,
                                                                   test: split.validation, k: options.k))
            scores[.als] = als.validation
        }
        let selection = ModelSelection.choose(scores, choice: options.kind, tuningFits: als.fits)
        let model = RecommenderModel(training: training, config: als.config, shaping: als.shaping,
                                     useSentiment: als.usedSentiment, selection: selection, onIteration: onIteration)
        if let bar {
            bar.finish(loss: nil)
        }
        let report = RecommenderTrainingReport(selection: selection, als: als, validationUsers: split.validation.count,
                                               refitted: true)
        return (model, report)
    }
}
