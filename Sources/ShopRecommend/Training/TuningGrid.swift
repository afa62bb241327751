/// The values `Tuning` may try. The search is staged, not a full product, so its cost is
/// bounded by |reg|·|alpha| + |factors| − 1 + |sentiment weights| ALS fits (17 by default).
public struct TuningGrid: Sendable, Codable, Equatable {
    public var factors: [Int] = [32, 64, 128]
    public var regularizations: [Float] = [0.1, 1, 10, 100]
    public var alphas: [Float] = [5, 20, 40]
    /// Sentiment weights tried on top of the best stars-only settings (when sentiment is given).
    public var sentimentWeights: [Float] = [0.25, 0.5, 0.75]
    public init() {}
}
