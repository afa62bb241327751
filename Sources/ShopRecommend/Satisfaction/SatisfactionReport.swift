import Foundation

/// Everything the satisfaction evaluation measured, with a plain-text table.
public struct SatisfactionReport: Sendable {
    public var rows: [SatisfactionRow]
    public var seeds: [UInt64]
    public var heldOutFraction: Double
    public var k: Int
    /// Mean over seeds of the held-out users with a liked / a disliked item.
    public var likedUsers: Double
    public var dislikedUsers: Double

    public func table() -> String {
        func f(_ v: (mean: Double, sd: Double)) -> String { String(format: "%.4f ± %.4f", v.mean, v.sd) }
        func pad(_ s: String, _ w: Int) -> String { s.padding(toLength: max(w, s.count), withPad: " ", startingAt: 0) }
        var lines = [String(format: "held out: %.0f%% of each user's distinct items at random, seeds %@; liked = rating ≥ 4 (or P(positive) ≥ 0.5 without a rating); mean ± sd over seeds",
                            heldOutFraction * 100, seeds.map(String.init).joined(separator: ",") as NSString),
                     String(format: "users with a liked held-out item: %.1f, with a disliked one: %.1f (mean per seed)", likedUsers, dislikedUsers),
                     [pad("case", 13), pad("model", 14), pad("liked Recall@\(k)", 17), pad("liked NDCG@\(k)", 17),
                      pad("top-\(k) has a disliked item", 26), "settings"].joined(separator: " ")]
        for r in rows {
            lines.append([pad(r.scenario, 13), pad(r.model, 14), pad(f(r.likedRecall), 17), pad(f(r.likedNDCG), 17),
                          pad(f(r.dislikedShare), 26), r.settings].joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
