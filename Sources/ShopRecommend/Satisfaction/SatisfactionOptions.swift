/// Settings of `SatisfactionEvaluation.run`.
public struct SatisfactionOptions: Sendable {
    /// One split and one ALS initialisation per seed.
    public var seeds: [UInt64] = [1, 2, 3, 4, 5]
    /// Share of each user's distinct items held out.
    public var heldOutFraction = 0.2
    public var k = 10
    /// ALS base settings (iterations, solver, threads); factors, reg, alpha and sentiment
    /// weight are tuned on a validation split of the first seed's training part.
    public var config = ALSConfig()
    public var grid = TuningGrid()
    /// Also run the "stars hidden, review text only" case.
    public var starsHidden = true
    public var showProgress = false
    public init() {}
}
