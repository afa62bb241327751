/// A model's quality on the validation split, and the one ordering every choice uses:
/// Recall@K first (what the served model is judged by), NDCG@K to break ties.
public struct ValidationScore: Sendable, Codable, Equatable {
    public var recall: Double
    public var ndcg: Double
    /// Validation users the figures average over.
    public var users: Int

    /// The worst possible score (below any real one), to start a search from.
    public static let none = ValidationScore(recall: -1, ndcg: -1, users: 0)

    /// True when `self` is strictly better than `other`.
    public func beats(_ other: ValidationScore) -> Bool {
        recall != other.recall ? recall > other.recall : ndcg > other.ndcg
    }
}

// In an extension so the memberwise initialiser stays.
extension ValidationScore {
    public init(_ m: RankingMetrics) { self.init(recall: m.recall, ndcg: m.ndcg, users: m.users) }
}
