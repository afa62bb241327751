/// Anything that scores every item for a user of the training matrix.
public protocol Recommender: Sendable {
    /// Scores for all items (higher is better) for user index `u`.
    func scores(user u: Int) -> [Float]
}

extension Recommender {
    /// The top `k` items for user `u`, excluding the items the user already has.
    public func recommend(user u: Int, in matrix: InteractionMatrix, k: Int) -> [(item: Int, score: Float)] {
        var s = scores(user: u)
        for i in matrix.items(ofUser: u) { s[Int(i)] = -.infinity }
        return TopK.select(s, k: k)
    }
}

/// Partial selection of the k best scores (ties broken by the lower index, so results reproduce).
enum TopK {
    static func select(_ scores: [Float], k: Int) -> [(item: Int, score: Float)] {
        // k comes from users: 0 would index an empty list and a huge k would reserve
        // memory the process does not have.
        guard k > 0 else { return [] }
        var best: [(item: Int, score: Float)] = []
        best.reserveCapacity(min(k, scores.count) + 1)
        for (i, s) in scores.enumerated() where s > -.infinity {
            if best.count < k || s > best[best.count - 1].score {
                var pos = best.count
                while pos > 0 && best[pos - 1].score < s { pos -= 1 }
                best.insert((i, s), at: pos)
                if best.count > k { best.removeLast() }
            }
        }
        return best
    }
}

extension ALSModel: Recommender {
    public func scores(user u: Int) -> [Float] {
        let itemCount = itemFactors.count / factors
        return (0..<itemCount).map { score(user: u, item: $0) }
    }
}

/// The k best of a score list (public face of `TopK`, for callers that mix in cold items).
public enum TopKSelection {
    public static func best(_ scores: [Float], k: Int) -> [(item: Int, score: Float)] { TopK.select(scores, k: k) }
}
