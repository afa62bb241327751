import Foundation
import XCTest
@testable import ShopRecommend

final class ModelSelectionTests: XCTestCase {
    func testTheBestKindWinsOnRecallThenNDCGThenSimplicity() {
        let pop = ValidationScore(recall: 0.5, ndcg: 0.30, users: 10)
        XCTAssertEqual(ModelSelection.best([.popularity: pop, .knn: .init(recall: 0.7, ndcg: 0.2, users: 10),
                                            .als: .init(recall: 0.6, ndcg: 0.5, users: 10)]), .knn)
        XCTAssertEqual(ModelSelection.best([.popularity: pop, .knn: .init(recall: 0.5, ndcg: 0.29, users: 10),
                                            .als: .init(recall: 0.5, ndcg: 0.31, users: 10)]), .als)
        XCTAssertEqual(ModelSelection.best([.als: pop, .popularity: pop, .knn: pop]), .popularity)
        XCTAssertNil(ModelSelection.best([:]))
    }

    func testForcingAKindBelowPopularitySaysSo() {
        let scores: [RecommenderKind: ValidationScore] = [.popularity: .init(recall: 0.6, ndcg: 0.3, users: 5),
                                                          .als: .init(recall: 0.4, ndcg: 0.4, users: 5)]
        let chosen = ModelSelection.choose(scores, choice: .best, tuningFits: 0)
        XCTAssertEqual(chosen.served, .popularity)
        XCTAssertNil(chosen.warning(serving: chosen.served))
        let forced = ModelSelection.choose(scores, choice: .forced(.als), tuningFits: 0)
        XCTAssertTrue(forced.forced)
        XCTAssertTrue(forced.warning(serving: .als)?.contains("below popularity") == true)
    }

    /// Two communities of unequal size: popularity pushes the big community's items on
    /// everyone, so on validation a model that sees co-occurrence must beat it and be served.
    func testTrainingServesAModelThatBeatsPopularityOnACommunityCase() throws {
        var xs: [Interaction] = []
        var n = 0
        for t in communityTriples() {
            // Community b (users 20–39) is kept to 3 of its 5 items, so a's items are more popular.
            if t.item.hasPrefix("b"), xs.filter({ $0.user == t.user }).count >= 3 { continue }
            xs.append(Interaction(user: t.user, item: t.item, rating: 5, timestamp: n)); n += 1
        }
        var options = RecommenderTrainingOptions()
        options.config.factors = 2; options.config.iterations = 8; options.config.threads = 1
        options.grid.factors = [2]; options.grid.regularizations = [1]; options.grid.alphas = [5]
        let (model, report) = RecommenderTraining.train(interactions: xs, options: options)
        let v = report.selection.validation
        let pop = try XCTUnwrap(v["popularity"]), knn = try XCTUnwrap(v["knn"]), als = try XCTUnwrap(v["als"])
        XCTAssertNotEqual(report.selection.served, .popularity)
        let served = try XCTUnwrap(v[report.selection.served.rawValue])
        XCTAssertTrue(served.beats(pop))
        XCTAssertFalse(knn.beats(served)); XCTAssertFalse(als.beats(served))
        XCTAssertEqual(report.validationUsers, 40)
        XCTAssertEqual(model.servedKind, report.selection.served)

        // The choice survives the model file, and a forced kind is served from the same file.
        let path = NSTemporaryDirectory() + "rec-select-\(UUID().uuidString).model"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(to: path)
        let loaded = try RecommenderModel.load(from: path)
        XCTAssertEqual(loaded.settings.selection, report.selection)
        XCTAssertEqual(loaded.servedKind, report.selection.served)
        let popular = loaded.serving(.forced(.popularity))
        XCTAssertEqual(popular.servedKind, .popularity)
        let u = loaded.matrix.userIndex["u25"]!
        let top = TopKSelection.best(popular.scores(user: u, coldTexts: []), k: 1)[0].item
        // Popularity's first pick for a b-user is an a-item; the served model's is a b-item.
        XCTAssertTrue(loaded.matrix.itemIDs[top].hasPrefix("a"))
        let servedTop = TopKSelection.best(loaded.scores(user: u, coldTexts: []), k: 1)[0].item
        XCTAssertTrue(loaded.matrix.itemIDs[servedTop].hasPrefix("b"))
    }

    func testAModelWithoutASelectionStillLoadsAndServesALS() throws {
        var config = ALSConfig(); config.factors = 2; config.iterations = 2; config.threads = 1
        let xs = communityTriples().map { Interaction(user: $0.user, item: $0.item, rating: 5) }
        let model = RecommenderModel(training: TrainingSet(interactions: xs), config: config, shaping: ConfidenceShaping(), useSentiment: false)
        let path = NSTemporaryDirectory() + "rec-old-\(UUID().uuidString).model"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(to: path)
        let loaded = try RecommenderModel.load(from: path)
        XCTAssertNil(loaded.settings.selection)
        XCTAssertEqual(loaded.servedKind, .als)
        XCTAssertNil(loaded.servingWarning)
        XCTAssertEqual(loaded.scores(user: 0, coldTexts: []).count, loaded.matrix.itemCount)
    }
}
