/// Settings of `RecommenderTraining.train` (what `recommend train` parses its flags into).
public struct RecommenderTrainingOptions: Sendable {
    /// ALS settings: the base of the tuning (iterations, solver, seed, threads), or used as
    /// they are when `tune` is false.
    public var config = ALSConfig()
    public var shaping = ConfidenceShaping()
    /// Tune factors, reg, alpha and sentiment weight on the validation split.
    public var tune = true
    public var grid = TuningGrid()
    /// What to serve by default: the best kind on validation, or a forced one.
    public var kind = RecommenderKindChoice.best
    /// Cut-off of the validation metrics.
    public var k = 10
    /// A progress bar with ETA on stderr (callers turn it off when stderr is not a terminal).
    public var showProgress = false
    public init() {}
}
