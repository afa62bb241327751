import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// `shopnlp recommend for-user`.
struct RecommendForUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "for-user", abstract: "Top items for a user (items they have are excluded).")
    @Option(name: .long, help: "Model from `recommend train`.") var model: String
    @Option(name: .long, help: "User id.") var user: String
    @Option(name: .shortAndLong, help: "How many.", range: .count) var k = 10
    @Option(name: .long, help: "New items nobody has interacted with yet (JSON Lines with `item` and `text`): placed by their text and ranked with the rest.") var coldItems: String?
    @Option(name: .long, help: "Kind to serve: \(RecommenderKindChoice.spellings) (best: the one chosen on validation at training time).") var modelKind = "best"

    func validate() throws {
        if RecommenderKindChoice(modelKind) == nil { throw ValidationError("--model-kind must be \(RecommenderKindChoice.spellings)") }
    }

    func run() throws {
        let m = try loadServedRecommender(model, kind: modelKind)
        guard let u = m.matrix.userIndex[user] else {
            throw ValidationError("user '\(user)' is not in the model (\(m.matrix.userCount) users)")
        }
        var coldIDs: [String] = [], coldTexts: [String] = []
        if let coldItems {
            let reader = try RecordReader(path: coldItems, options: RecordReaderOptions(format: .jsonl, textField: .name("text")))
            for result in reader {
                let r = try result.get()
                guard let id = r.fields["item"] else {
                    throw DataError(file: coldItems, line: r.line, field: "item", reason: "a cold item needs an id")
                }
                coldIDs.append(id); coldTexts.append(r.text)
            }
        }
        let known = m.matrix.itemCount
        let scores = m.scores(user: u, coldTexts: coldTexts)
        for rec in TopKSelection.best(scores, k: k) {
            let cold = rec.item >= known
            print(JSONLine.object(["item": cold ? coldIDs[rec.item - known] : m.matrix.itemIDs[rec.item], "score": rec.score, "cold": cold]))
        }
    }
}

/// Loads a model serving `kind`, saying on stderr what is served when it is not the
/// validated choice (a forced kind below popularity, or a model older than model selection).
func loadServedRecommender(_ path: String, kind: String) throws -> RecommenderModel {
    guard let choice = RecommenderKindChoice(kind) else { throw ValidationError("--model-kind must be \(RecommenderKindChoice.spellings)") }
    let m = try RecommenderModel.load(from: path).serving(choice)
    if m.settings.selection == nil && choice == .best {
        recommendNote("note: \(path) predates model selection and serves ALS unvalidated; rerun `recommend train` to choose the best of popularity, item-kNN and ALS")
    }
    if let w = m.servingWarning { recommendNote(w) }
    return m
}
