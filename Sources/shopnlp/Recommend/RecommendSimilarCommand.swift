import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// `shopnlp recommend similar`.
struct RecommendSimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "similar", abstract: "Items most similar to an item (cosine of ALS item factors).")
    @Option(name: .long, help: "Model from `recommend train`.") var model: String
    @Option(name: .long, help: "Item id.") var item: String?
    @Option(name: .long, help: "Text of an item the model has never seen (cold start): its nearest items by text.") var text: String?
    @Option(name: .shortAndLong, help: "How many.", range: .count) var k = 10

    func run() throws {
        let m = try RecommenderModel.load(from: model)
        if let text {
            for (i, s) in m.coldStart.neighbours(of: text, k: k) {
                print(JSONLine.object(["item": m.matrix.itemIDs[i], "score": s, "via": "text"]))
            }
            return
        }
        guard let item else { throw ValidationError("give --item ID or --text TEXT") }
        guard let i = m.matrix.itemIndex[item] else {
            throw ValidationError("item '\(item)' is not in the model (\(m.matrix.itemCount) items)")
        }
        for rec in ItemSimilarity.cosine(m.als, item: i, k: k) {
            print(JSONLine.object(["item": m.matrix.itemIDs[rec.item], "score": rec.score]))
        }
    }
}
