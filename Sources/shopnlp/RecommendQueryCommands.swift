import ArgumentParser
import Foundation
import ShopRecommend

/// `shopnlp recommend for-user`.
struct RecommendForUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "for-user", abstract: "Top items for a user (items they have are excluded).")
    @Option(name: .long, help: "Model from `recommend train`.") var model: String
    @Option(name: .long, help: "User id.") var user: String
    @Option(name: .shortAndLong, help: "How many.") var k = 10

    func run() throws {
        let m = try RecommenderModel.load(from: model)
        guard let u = m.matrix.userIndex[user] else {
            throw ValidationError("user '\(user)' is not in the model (\(m.matrix.userCount) users)")
        }
        for rec in m.als.recommend(user: u, in: m.matrix, k: k) {
            print(jsonObject(["item": m.matrix.itemIDs[rec.item], "score": rec.score]))
        }
    }
}

/// `shopnlp recommend similar`.
struct RecommendSimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "similar", abstract: "Items most similar to an item (cosine of ALS item factors).")
    @Option(name: .long, help: "Model from `recommend train`.") var model: String
    @Option(name: .long, help: "Item id.") var item: String
    @Option(name: .shortAndLong, help: "How many.") var k = 10

    func run() throws {
        let m = try RecommenderModel.load(from: model)
        guard let i = m.matrix.itemIndex[item] else {
            throw ValidationError("item '\(item)' is not in the model (\(m.matrix.itemCount) items)")
        }
        for rec in ItemSimilarity.cosine(m.als, item: i, k: k) {
            print(jsonObject(["item": m.matrix.itemIDs[rec.item], "score": rec.score]))
        }
    }
}

/// One JSON object with sorted keys on one line.
func jsonObject(_ values: [String: Any]) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys]) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}
