import ArgumentParser
import Foundation
import ShopRecommend

/// `shopnlp recommend eval`: the model against popularity, item-kNN and ALS with and
/// without sentiment, trained on the same interactions.
struct RecommendEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Recall@K, NDCG@K and coverage on held-out interactions, side by side with the baselines.")

    @Option(name: .long, help: "Model from `recommend train`.") var model: String
    @Option(name: .long, help: "Held-out interactions (e.g. from `recommend train --holdout-last`).") var test: String
    @Option(name: .shortAndLong, help: "Cut-off K.", range: .count) var k = 10
    @Option(name: .long, help: "Users with at most this many training interactions are also reported apart.", range: .nonNegativeCount) var sparseLimit = 3
    @Option(name: .long, help: "Kind to serve: \(RecommenderKindChoice.spellings) (best: the one chosen on validation at training time).") var modelKind = "best"
    @Flag(name: .long, help: "Print one JSON object.") var json = false

    func validate() throws {
        if RecommenderKindChoice(modelKind) == nil { throw ValidationError("--model-kind must be \(RecommenderKindChoice.spellings)") }
    }

    func run() throws {
        let m = try loadServedRecommender(model, kind: modelKind)
        let (test, errors) = try InteractionReader.read(path: self.test, layout: .generic)
        for e in errors.prefix(10) { recommendNote("skipped: \(e)") }
        let isSparse: (Int) -> Bool = { m.matrix.items(ofUser: $0).count <= sparseLimit }
        let own = RankingMetrics.evaluate(m.served, matrix: m.matrix, test: test, k: k)
        let ownSparse = RankingMetrics.evaluate(m.served, matrix: m.matrix, test: test, k: k, include: isSparse)
        let rows = Comparison.run(training: m.training, test: test, config: m.settings.alsConfig, shaping: m.settings.shaping,
                                  k: k, sparseLimit: sparseLimit, clock: { Date().timeIntervalSince1970 })
        let popularity = rows.first { $0.model == "popularity" }?.all
        let belowPopularity = popularity.map { $0.recall > own.recall } ?? false
        if json {
            var object: [String: Any] = metricsObject(own, k: k)
            object["sparse_users"] = metricsObject(ownSparse, k: k)
            object["served_kind"] = m.servedKind.rawValue
            object["below_popularity_on_test"] = belowPopularity
            if let selection = m.settings.selection {
                object["validation"] = Dictionary(uniqueKeysWithValues: selection.validation.map {
                    ($0.key, ["recall@10": $0.value.recall, "ndcg@10": $0.value.ndcg, "users": $0.value.users] as [String: Any])
                })
            }
            if let w = m.servingWarning { object["warning"] = w }
            object["used_sentiment"] = m.settings.usedSentiment
            if let plain = rows.first(where: { $0.model == "als" }) { object["without_sentiment"] = metricsObject(plain.all, k: k) }
            if let shaped = rows.first(where: { $0.model == "als+sentiment" }) { object["with_sentiment"] = metricsObject(shaped.all, k: k) }
            object["models"] = rows.map { ["model": $0.model, "all": metricsObject($0.all, k: k), "sparse_users": metricsObject($0.sparse, k: k)] as [String: Any] }
            print(jsonObject(object))
        } else {
            let name = m.servedKind == .als && m.settings.usedSentiment ? "als+sentiment" : m.servedKind.rawValue
            print(ComparisonTable.render(rows, own: ("served (\(name))", own, ownSparse), k: k, sparseLimit: sparseLimit))
            for line in m.settings.selection?.summary(serving: m.servedKind) ?? [] { print(line) }
            if belowPopularity {
                print(String(format: "note: the served model is below popularity on this test split (Recall@%d %.4f vs %.4f)",
                             k, own.recall, popularity?.recall ?? 0))
            }
        }
    }
}

func metricsObject(_ r: RankingMetrics, k: Int) -> [String: Any] {
    ["recall@\(k)": r.recall, "ndcg@\(k)": r.ndcg, "coverage": r.coverage, "users": r.users]
}

/// The plain-text table of a comparison.
enum ComparisonTable {
    static func render(_ rows: [ComparisonRow], own: (String, RankingMetrics, RankingMetrics)? = nil, k: Int, sparseLimit: Int) -> String {
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
