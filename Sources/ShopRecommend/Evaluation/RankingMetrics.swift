import Foundation

/// Top-K ranking quality of a recommender on held-out interactions.
public struct RankingMetrics: Sendable, Codable, Equatable {
    public var users = 0
    public var recall = 0.0
    public var ndcg = 0.0
    /// Share of the catalogue that appears in at least one user's top K.
    public var coverage = 0.0
    public var k = 10

    /// Evaluates `model` on `test` (one or more held-out items per user); users or items
    /// unknown to the training matrix count as misses only if `countUnknown`.
    public static func evaluate(_ model: Recommender, matrix: InteractionMatrix, test: [Interaction], k: Int = 10,
                                include: (Int) -> Bool = { _ in true }) -> RankingMetrics {
        var heldOut: [Int: Set<Int>] = [:]
        for x in test {
            guard let u = matrix.userIndex[x.user], let i = matrix.itemIndex[x.item] else { continue }
            if include(u) { heldOut[u, default: []].insert(i) }
        }
        var m = RankingMetrics(k: k)
        var recommended = Set<Int>()
        for (u, items) in heldOut.sorted(by: { $0.key < $1.key }) {
            let top = model.recommend(user: u, in: matrix, k: k).map(\.item)
            recommended.formUnion(top)
            let h = TopKHits(ranked: top, k: k, relevantCount: items.count, isRelevant: items.contains)
            m.recall += h.recall
            m.ndcg += h.ideal > 0 ? h.dcg / h.ideal : 0
            m.users += 1
        }
        if m.users > 0 { m.recall /= Double(m.users); m.ndcg /= Double(m.users) }
        m.coverage = matrix.itemCount > 0 ? Double(recommended.count) / Double(matrix.itemCount) : 0
        return m
    }
}
