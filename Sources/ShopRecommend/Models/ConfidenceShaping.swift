/// How strongly an interaction says "this user likes this item": the confidence c_ui of
/// implicit ALS. Without sentiment it comes from the stars; with sentiment, the review's
/// probability of being positive is blended in, so a 5-star rating over a furious review
/// counts less than a 3-star rating over a glowing one.
public struct ConfidenceShaping: Sendable, Codable, Equatable {
    /// c = 1 + alpha · strength (Hu et al. use alpha ≈ 40 for counts; strengths here are in [0, 1]).
    public var alpha: Float = 20
    /// Weight of the text sentiment in the strength (0 = stars only).
    public var sentimentWeight: Float = 0.5
    public init(alpha: Float = 20, sentimentWeight: Float = 0.5) {
        self.alpha = alpha
        self.sentimentWeight = sentimentWeight
    }

    /// Strength in [0, 1] from stars (1–5) and P(positive) of the review, when known.
    public func strength(rating: Float?, positive: Float?) -> Float {
        let stars = rating.map { min(max(($0 - 1) / 4, 0), 1) }
        switch (stars, positive) {
        case let (s?, p?): return (1 - sentimentWeight) * s + sentimentWeight * p
        case let (s?, nil): return s
        case let (nil, p?): return p
        case (nil, nil): return 1
        }
    }

    public func confidence(rating: Float?, positive: Float?) -> Float {
        1 + alpha * strength(rating: rating, positive: positive)
    }
}
