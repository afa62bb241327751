import Foundation

/// One model in one case of the satisfaction evaluation: its figures per seed and their
/// mean and sample standard deviation.
public struct SatisfactionRow: Sendable {
    /// "stars shown" or "stars hidden".
    public var scenario: String
    public var model: String
    /// The ALS settings used (empty for the baselines).
    public var settings: String
    public var perSeed: [SatisfactionMetrics]

    public init(scenario: String, model: String, settings: String, perSeed: [SatisfactionMetrics]) {
        self.scenario = scenario; self.model = model; self.settings = settings; self.perSeed = perSeed
    }

    public var likedRecall: (mean: Double, sd: Double) { Self.spread(perSeed.map(\.likedRecall)) }
    public var likedNDCG: (mean: Double, sd: Double) { Self.spread(perSeed.map(\.likedNDCG)) }
    public var dislikedShare: (mean: Double, sd: Double) { Self.spread(perSeed.map(\.dislikedShare)) }

    /// Mean and sample standard deviation (0 for fewer than two values).
    static func spread(_ v: [Double]) -> (mean: Double, sd: Double) {
        guard !v.isEmpty else { return (.nan, .nan) }
        let mean = v.reduce(0, +) / Double(v.count)
        guard v.count > 1 else { return (mean, 0) }
        let ss = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / Double(v.count - 1)).squareRoot())
    }
}
