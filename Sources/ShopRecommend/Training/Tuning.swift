/// Chooses ALS factors, regularisation, confidence scale and sentiment weight on a
/// validation split carved from the training data (each user's latest training
/// interaction), never on the test split. `recommend train` and `bench recommend` both
/// call this, so the benchmark measures what the default command does.
///
/// The search is staged (a bounded grid, not the full product): reg × alpha at the base
/// factor count, then the other factor counts at the best reg/alpha, then the sentiment
/// weights at the best of those. Each candidate is scored by `ValidationScore.beats`.
public enum Tuning {
    /// How sentiment enters the search.
    public enum Sentiment: Sendable, Equatable {
        /// Stars only.
        case off
        /// Every candidate reads sentiment (the "ALS + sentiment" rows of a comparison).
        case required
        /// Stars only unless a sentiment weight beats it on validation (the default of `recommend train`).
        case optional
    }

    /// Tunes on `ValidationSplit(training)`. `progress` gets (fits done, fits in all).
    public static func tune(training: TrainingSet, base: ALSConfig, sentiment: Sentiment,
                            grid: TuningGrid = TuningGrid(), k: Int = 10,
                            progress: ((Int, Int) -> Void)? = nil) -> TunedSettings {
        tune(split: ValidationSplit(training), base: base, sentiment: sentiment, grid: grid, k: k, progress: progress)
    }

    /// The form `Comparison` uses: sentiment on every candidate or on none.
    public static func tune(training: TrainingSet, base: ALSConfig, useSentiment: Bool,
                            grid: TuningGrid = TuningGrid(), k: Int = 10) -> TunedSettings {
        tune(training: training, base: base, sentiment: useSentiment ? .required : .off, grid: grid, k: k)
    }

    public static func tune(split: ValidationSplit, base: ALSConfig, sentiment: Sentiment,
                            grid: TuningGrid = TuningGrid(), k: Int = 10,
                            progress: ((Int, Int) -> Void)? = nil) -> TunedSettings {
        let mode: Sentiment = split.train.hasSentiment ? sentiment : .off
        let regs = grid.regularizations.isEmpty ? [base.regularization] : grid.regularizations
        let alphas = grid.alphas.isEmpty ? [ConfidenceShaping().alpha] : grid.alphas
        let factorList = grid.factors.isEmpty ? [base.factors] : grid.factors
        let firstFactors = factorList.contains(base.factors) ? base.factors : factorList[0]
        let weights = grid.sentimentWeights.isEmpty ? [ConfidenceShaping().sentimentWeight] : grid.sentimentWeights
        // A required-sentiment search starts at the middle weight and tries the others last.
        let startWeight: Float = mode == .required ? weights[weights.count / 2] : 0
        let otherFactors = factorList.filter { $0 != firstFactors }
        let laterWeights = mode == .off ? [] : weights.filter { !(mode == .required && $0 == startWeight) }
        let total = regs.count * alphas.count + otherFactors.count + laterWeights.count

        var best: TunedSettings?
        var done = 0
        func trial(_ config: ALSConfig, _ shaping: ConfidenceShaping, _ useSentiment: Bool) {
            let m = split.train.matrix(shaping: shaping, useSentiment: useSentiment)
            let model = ALSTrainer.train(m, config: config)
            let score = ValidationScore(RankingMetrics.evaluate(model, matrix: m, test: split.validation, k: k))
            done += 1
            progress?(done, total)
            if best == nil || score.beats(best!.validation) {
                best = TunedSettings(config: config, shaping: shaping, usedSentiment: useSentiment, validation: score, fits: 0)
            }
        }
        for reg in regs {
            for alpha in alphas {
                var config = base
                config.factors = firstFactors
                config.regularization = reg
                trial(config, ConfidenceShaping(alpha: alpha, sentimentWeight: startWeight), mode == .required)
            }
        }
        let stage1 = best!
        for f in otherFactors {
            var config = stage1.config
            config.factors = f
            trial(config, stage1.shaping, stage1.usedSentiment)
        }
        let stage2 = best!
        for w in laterWeights {
            trial(stage2.config, ConfidenceShaping(alpha: stage2.shaping.alpha, sentimentWeight: w), true)
        }
        var chosen = best!
        chosen.fits = done
        return chosen
    }
}
