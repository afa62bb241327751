/// Decides which aspects may be praised in a blurb: only those that at least `minReviews`
/// reviews of the product mention, with at least `minPositiveShare` of them positive.
public struct ReviewEvidence: Sendable {
    public var minReviews: Int
    public var minPositiveShare: Double
    public var maxHighlights: Int
    /// Product id → aspect tallies.
    public private(set) var tallies: [String: [ReviewHighlight]] = [:]
    /// Product id → number of reviews read.
    public private(set) var reviewCounts: [String: Int] = [:]
    /// Product id → reviews that are negative as a whole.
    public private(set) var negativeCounts: [String: Int] = [:]
    /// No praise at all when more than this share of a product's reviews is negative.
    public var maxNegativeShare: Double = 0.5

    public init(reviews: [ProductReview], minReviews: Int = 3, minPositiveShare: Double = 0.7, maxHighlights: Int = 2) {
        self.minReviews = minReviews
        self.minPositiveShare = minPositiveShare
        self.maxHighlights = maxHighlights
        var counts: [String: [String: (Int, Int)]] = [:]
        for r in reviews {
            reviewCounts[r.productID, default: 0] += 1
            if r.negative { negativeCounts[r.productID, default: 0] += 1 }
            // One vote per review and aspect: positive only when no mention of it in this
            // review is negative or neutral (面料 and 料子 in one review count once).
            var perReview: [String: Bool] = [:]
            for m in r.aspects { perReview[m.aspect] = (perReview[m.aspect] ?? true) && m.positive }
            for (aspect, positive) in perReview {
                var t = counts[r.productID, default: [:]][aspect] ?? (0, 0)
                t.0 += 1
                if positive { t.1 += 1 }
                counts[r.productID, default: [:]][aspect] = t
            }
        }
        for (id, aspects) in counts {
            tallies[id] = aspects.map { ReviewHighlight(aspect: $0.key, mentions: $0.value.0, positive: $0.value.1) }
                .sorted { ($0.positive, $0.mentions, $1.aspect) > ($1.positive, $1.mentions, $0.aspect) }
        }
    }

    /// All aspect tallies for a product, strongest first (shown in the output as evidence).
    public func evidence(for productID: String) -> [ReviewHighlight] {
        tallies[productID] ?? []
    }

    /// The aspects that pass the evidence test: at least `minReviews` reviews praise the
    /// aspect (positive mentions, not just mentions), they are at least `minPositiveShare` of
    /// the reviews that mention it, and the product's reviews are not mostly negative.
    public func highlights(for productID: String) -> [ReviewHighlight] {
        let total = reviewCounts[productID] ?? 0
        if total > 0, Double(negativeCounts[productID] ?? 0) / Double(total) > maxNegativeShare { return [] }
        return Array(evidence(for: productID).filter { $0.positive >= minReviews && $0.positiveShare >= minPositiveShare }.prefix(maxHighlights))
    }
}
