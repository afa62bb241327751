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

    public init(reviews: [ProductReview], minReviews: Int = 3, minPositiveShare: Double = 0.7, maxHighlights: Int = 2) {
        self.minReviews = minReviews
        self.minPositiveShare = minPositiveShare
        self.maxHighlights = maxHighlights
        var counts: [String: [String: (Int, Int)]] = [:]
        for r in reviews {
            reviewCounts[r.productID, default: 0] += 1
            for m in r.aspects {
                var t = counts[r.productID, default: [:]][m.aspect] ?? (0, 0)
                t.0 += 1
                if m.positive { t.1 += 1 }
                counts[r.productID, default: [:]][m.aspect] = t
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

    /// The aspects that pass the evidence test.
    public func highlights(for productID: String) -> [ReviewHighlight] {
        Array(evidence(for: productID).filter { $0.mentions >= minReviews && $0.positiveShare >= minPositiveShare }.prefix(maxHighlights))
    }
}
