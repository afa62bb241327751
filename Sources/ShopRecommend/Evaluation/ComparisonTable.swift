import Foundation

/// The plain-text table of a comparison.
public enum ComparisonTable {
    public static func render(_ rows: [ComparisonRow], own: (String, RankingMetrics, RankingMetrics)? = nil, k: Int, sparseLimit: Int) -> String {
        func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
            s.count >= w ? s : (left ? s + String(repeating: " ", count: w - s.count) : String(repeating: " ", count: w - s.count) + s)
        }
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        let head = [pad("model", 22, left: true), pad("Recall@\(k)", 10), pad("NDCG@\(k)", 10), pad("coverage", 9), "|",
                    pad("sparse R@\(k)", 13), pad("sparse N@\(k)", 13), pad("users", 6), "|", pad("train s", 8)]
        var lines = [head.joined(separator: " ")]
        var all = rows.map { ($0.model, $0.all, $0.sparse, String(format: "%.3f", $0.trainSeconds)) }
        if let own { all.insert((own.0, own.1, own.2, "-"), at: 0) }
        for (name, a, s, t) in all {
            lines.append([pad(name, 22, left: true), pad(f(a.recall), 10), pad(f(a.ndcg), 10), pad(String(format: "%.3f", a.coverage), 9), "|",
                          pad(f(s.recall), 13), pad(f(s.ndcg), 13), pad(String(s.users), 6), "|", pad(t, 8)].joined(separator: " "))
        }
        for r in rows where !r.settings.isEmpty { lines.append("  \(r.model): \(r.settings)") }
        lines.append("(all users: \(rows.first?.all.users ?? 0); sparse = at most \(sparseLimit) training interactions)")
        return lines.joined(separator: "\n")
    }
}
