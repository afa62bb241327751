import XCTest
@testable import ShopRecommend

final class ValidationSplitTests: XCTestCase {
    func testEachUsersLatestTrainingInteractionIsCarvedOut() {
        // Input order is not time order: the latest is chosen by timestamp.
        let xs = [Interaction(user: "u1", item: "c", rating: 5, timestamp: 30),
                  Interaction(user: "u1", item: "a", rating: 4, timestamp: 10),
                  Interaction(user: "u1", item: "b", rating: 2, timestamp: 20),
                  Interaction(user: "u2", item: "a", rating: 5, timestamp: 5),
                  Interaction(user: "u3", item: "b", rating: 5, timestamp: 7),
                  Interaction(user: "u3", item: "d", rating: 3, timestamp: 1)]
        let feats = [InteractionFeature(user: "u1", item: "a", positive: 0.9)]
        let split = ValidationSplit(TrainingSet(interactions: xs, features: feats))
        XCTAssertEqual(split.validation.map { "\($0.user):\($0.item)" }.sorted(), ["u1:c", "u3:b"])
        // A user with one interaction keeps it in training; nothing held out is trained on.
        XCTAssertEqual(Set(split.train.interactions.map { "\($0.user):\($0.item)" }), ["u1:a", "u1:b", "u2:a", "u3:d"])
        XCTAssertEqual(split.train.positive["u1\u{1F}a"], 0.9)
    }

    func testTheTuningSearchIsBoundedByItsStagedGrid() {
        var grid = TuningGrid()
        grid.factors = [2, 4]; grid.regularizations = [0.1, 1]; grid.alphas = [5, 20]; grid.sentimentWeights = [0.25, 0.75]
        var xs: [Interaction] = [], feats: [InteractionFeature] = []
        for (n, t) in communityTriples().enumerated() {
            xs.append(Interaction(user: t.user, item: t.item, rating: 5, timestamp: n))
            feats.append(InteractionFeature(user: t.user, item: t.item, positive: Float(n % 7) / 7))
        }
        var base = ALSConfig(); base.factors = 2; base.iterations = 3; base.threads = 1
        var calls: [(Int, Int)] = []
        let tuned = Tuning.tune(training: TrainingSet(interactions: xs, features: feats), base: base, sentiment: .optional,
                                grid: grid) { calls.append(($0, $1)) }
        // reg × alpha (4) + the other factor count (1) + the sentiment weights (2).
        XCTAssertEqual(tuned.fits, 7)
        XCTAssertEqual(calls.map(\.0), Array(1...7))
        XCTAssertTrue(calls.allSatisfy { $0.1 == 7 })
        XCTAssertTrue(grid.factors.contains(tuned.config.factors))
        XCTAssertTrue(grid.regularizations.contains(tuned.config.regularization))
        // Without sentiment the last stage is skipped.
        let plain = Tuning.tune(training: TrainingSet(interactions: xs), base: base, sentiment: .optional, grid: grid)
        XCTAssertEqual(plain.fits, 5)
        XCTAssertFalse(plain.usedSentiment)
    }
}
