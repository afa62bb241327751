/// Whether an interaction says the user was satisfied: rating ≥ 4 is liked and below 4
/// disliked; without a rating, a review with P(positive) ≥ 0.5 is liked and below disliked;
/// with neither the interaction says nothing (nil).
public enum SatisfactionLabel {
    public static func liked(rating: Float?, positive: Float?) -> Bool? {
        if let rating { return rating >= 4 }
        if let positive { return positive >= 0.5 }
        return nil
    }
}
