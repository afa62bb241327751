import Foundation

/// Top-K quality judged by whether the user was satisfied: held-out interactions are split
/// into liked and disliked (`SatisfactionLabel`), and a list is good when it finds the liked
/// ones and bad when it shows an item the user went on to dislike.
public struct SatisfactionMetrics: Sendable, Codable, Equatable {
    /// Mean over users with a liked held-out item: hits among liked / min(K, liked count).
    public var likedRecall = 0.0
    /// Mean over the same users: binary-relevance NDCG@K with the liked items relevant.
    public var likedNDCG = 0.0
    public var likedUsers = 0
    /// Share of users with a disliked held-out item whose top K contains one of them.
    public var dislikedShare = 0.0
    public var dislikedUsers = 0
    public var k = 10

    /// `lists`: each user's ranked recommendations (only the first K count). Users without a
    /// list are not scored.
    public static func compute(lists: [String: [String]], liked: [String: Set<String>], disliked: [String: Set<String>],
                               k: Int = 10) -> SatisfactionMetrics {
        var m = SatisfactionMetrics(k: k)
        for (user, items) in liked where !items.isEmpty {
            guard let list = lists[user] else { continue }
            let h = TopKHits(ranked: list.prefix(k), k: k, relevantCount: items.count, isRelevant: items.contains)
            m.likedRecall += h.recall
            m.likedNDCG += h.dcg / h.ideal
            m.likedUsers += 1
        }
        for (user, items) in disliked where !items.isEmpty {
            guard let list = lists[user] else { continue }
            if list.prefix(k).contains(where: items.contains) { m.dislikedShare += 1 }
            m.dislikedUsers += 1
        }
        if m.likedUsers > 0 { m.likedRecall /= Double(m.likedUsers); m.likedNDCG /= Double(m.likedUsers) }
        if m.dislikedUsers > 0 { m.dislikedShare /= Double(m.dislikedUsers) }
        return m
    }
}
