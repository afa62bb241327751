import Foundation

/// How one user's top-K list fared against the items held out for them (binary relevance):
/// the one hit count and DCG both `RankingMetrics` and `SatisfactionMetrics` average.
struct TopKHits {
    var hits = 0
    var dcg = 0.0
    /// DCG of a perfect list: `cutoff` hits at the top.
    var ideal = 0.0
    /// min(K, relevant items): the most hits a list of K can have.
    var cutoff = 0

    /// `ranked` is the list already cut to K; `isRelevant` says whether an item was held out.
    init<S: Sequence>(ranked: S, k: Int, relevantCount: Int, isRelevant: (S.Element) -> Bool) {
        for (rank, item) in ranked.enumerated() where isRelevant(item) {
            hits += 1
            dcg += 1 / log2(Double(rank) + 2)
        }
        cutoff = min(k, relevantCount)
        ideal = (0..<cutoff).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
    }

    /// Hits among the relevant items a list of K could hold.
    var recall: Double { Double(hits) / Double(cutoff) }
}
