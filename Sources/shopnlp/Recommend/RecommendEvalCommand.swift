import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// `shopnlp recommend eval`: the model against popularity, item-kNN and ALS with and
/// without sentiment, trained on the same interactions.
struct RecommendEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Recall@K, NDCG@K and coverage on held-out interactions, side by side with the baselines.")

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
            var object: [String: Any] = own.jsonFields(k: k)
            object["sparse_users"] = ownSparse.jsonFields(k: k)
            object["served_kind"] = m.servedKind.rawValue
            object["below_popularity_on_test"] = belowPopularity
            if let selection = m.settings.selection {
                object["validation"] = Dictionary(uniqueKeysWithValues: selection.validation.map {
                    ($0.key, ["recall@10": $0.value.recall, "ndcg@10": $0.value.ndcg, "users": $0.value.users] as [String: Any])
                })
            }
            if let w = m.servingWarning { object["warning"] = w }
            object["used_sentiment"] = m.settings.usedSentiment
            if let plain = rows.first(where: { $0.model == "als" }) { object["without_sentiment"] = plain.all.jsonFields(k: k) }
            if let shaped = rows.first(where: { $0.model == "als+sentiment" }) { object["with_sentiment"] = shaped.all.jsonFields(k: k) }
            object["models"] = rows.map { ["model": $0.model, "all": $0.all.jsonFields(k: k), "sparse_users": $0.sparse.jsonFields(k: k)] as [String: Any] }
            print(JSONLine.object(object))
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
