extension IntentMetrics {
    /// The off-diagonal cells of the confusion matrix as (gold, predicted, count), most
    /// frequent first (ties by gold, then predicted label), at most `limit` of them.
    public func topConfusions(limit: Int) -> [(gold: String, predicted: String, count: Int)] {
        var out: [(gold: String, predicted: String, count: Int)] = []
        for g in labels.indices {
            for p in labels.indices where g != p && confusion[g][p] > 0 {
                out.append((labels[g], labels[p], confusion[g][p]))
            }
        }
        out.sort { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
        return Array(out.prefix(limit))
    }
}
