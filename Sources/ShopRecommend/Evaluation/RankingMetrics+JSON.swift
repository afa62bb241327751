extension RankingMetrics {
    /// The figures as JSON fields, with K in the names (`recall@10`).
    public func jsonFields(k: Int) -> [String: Any] {
        ["recall@\(k)": recall, "ndcg@\(k)": ndcg, "coverage": coverage, "users": users]
    }
}
