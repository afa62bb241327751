/// The ALS settings a tuning run chose, and how they scored on validation.
public struct TunedSettings: Sendable, Equatable {
    public var config: ALSConfig
    public var shaping: ConfidenceShaping
    /// Whether the chosen settings read review sentiment.
    public var usedSentiment: Bool
    public var validation: ValidationScore
    /// ALS fits the search made (0 when nothing was tuned).
    public var fits: Int

    /// NDCG@K on the validation split (NaN when the settings were not tuned).
    public var validationNDCG: Double { fits > 0 ? validation.ndcg : .nan }
}
