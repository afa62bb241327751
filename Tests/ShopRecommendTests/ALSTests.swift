import XCTest
@testable import ShopRecommend
import ShopNeural

/// Two communities: users 0–19 like items a0–a9, users 20–39 like b0–b9, each user
/// holding 5 of their community's 10 items chosen by a seeded generator.
func communityTriples(seed: UInt64 = 7) -> [(user: String, item: String, confidence: Float)] {
    var rng = SeededRandom(seed: seed)
    var triples: [(user: String, item: String, confidence: Float)] = []
    for u in 0..<40 {
        let prefix = u < 20 ? "a" : "b"
        var items = Array(0..<10)
        for i in stride(from: 9, to: 0, by: -1) { items.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        for i in items.prefix(5) { triples.append(("u\(u)", "\(prefix)\(i)", 10)) }
    }
    return triples
}

final class ALSTests: XCTestCase {
    func testLossDecreasesEveryIterationWithExactSolves() {
        let m = InteractionMatrix(triples: communityTriples())
        var config = ALSConfig()
        config.factors = 8; config.iterations = 8; config.solver = .cholesky; config.regularization = 0.1
        var losses: [Double] = []
        _ = ALSTrainer.train(m, config: config) { losses.append($1) }
        XCTAssertEqual(losses.count, 8)
        for (a, b) in zip(losses, losses.dropFirst()) { XCTAssertLessThanOrEqual(b, a + 1e-6) }
        XCTAssertLessThan(losses.last!, losses.first! * 0.9)
    }

    func testRecommendsWithinTheUsersCommunity() {
        let m = InteractionMatrix(triples: communityTriples())
        for solver in [ALSConfig.Solver.cholesky, .cg] {
            var config = ALSConfig()
            // Rank 2 matches the two blocks; more factors would fit each user's exact items.
            config.factors = 2; config.iterations = 15; config.solver = solver; config.regularization = 1
            let model = ALSTrainer.train(m, config: config)
            var inCommunity = 0, total = 0
            for u in 0..<m.userCount {
                let prefix = Int(m.userIDs[u].dropFirst())! < 20 ? "a" : "b"
                for rec in model.recommend(user: u, in: m, k: 3) {
                    total += 1
                    if m.itemIDs[rec.item].hasPrefix(prefix) { inCommunity += 1 }
                    XCTAssertFalse(m.items(ofUser: u).contains(Int32(rec.item)), "recommended an item the user has")
                }
            }
            XCTAssertGreaterThanOrEqual(Double(inCommunity) / Double(total), 0.9, "\(solver)")
        }
    }

    func testTrainingIsDeterministicForASeed() {
        let m = InteractionMatrix(triples: communityTriples())
        var config = ALSConfig()
        config.factors = 4; config.iterations = 3; config.threads = 2
        let a = ALSTrainer.train(m, config: config), b = ALSTrainer.train(m, config: config)
        XCTAssertEqual(a.userFactors, b.userFactors)
        XCTAssertEqual(a.itemFactors, b.itemFactors)
    }

    func testCholeskySolvesASmallSystem() {
        var a: [Float] = [4, 2, 2, 3], b: [Float] = [2, 1]  // solution (0.5, 0)
        let ok = a.withUnsafeMutableBufferPointer { ab in b.withUnsafeMutableBufferPointer { bb in
            DenseSolve.cholesky(ab.baseAddress!, bb.baseAddress!, k: 2) } }
        XCTAssertTrue(ok)
        XCTAssertEqual(b[0], 0.5, accuracy: 1e-6)
        XCTAssertEqual(b[1], 0, accuracy: 1e-6)
    }
}

final class BaselineAndMetricTests: XCTestCase {
    func testItemKNNFindsCoPurchasedItems() {
        let m = InteractionMatrix(triples: [("u1", "x", 1), ("u1", "y", 1), ("u2", "x", 1), ("u2", "y", 1), ("u3", "z", 1), ("u3", "x", 1)])
        let knn = ItemKNNModel(m)
        XCTAssertEqual(m.itemIDs[knn.similar(to: m.itemIndex["x"]!, k: 1)[0].item], "y")
    }

    func testLeaveLastOutHoldsOutTheLatestDistinctItem() {
        let xs = [Interaction(user: "u", item: "a", timestamp: 3), Interaction(user: "u", item: "b", timestamp: 1),
                  Interaction(user: "u", item: "c", timestamp: 2), Interaction(user: "v", item: "a", timestamp: 1)]
        let split = LeaveLastOut(xs)
        XCTAssertEqual(split.test.map(\.item), ["a"])
        XCTAssertEqual(Set(split.train.map { "\($0.user)\($0.item)" }), ["ub", "uc", "va"])
    }

    func testRecallAndNDCGOfAKnownRanking() {
        // Popularity ranks x (2 users) above z (1 user); u3 holds out x at rank 1, u4 holds out z at rank 2.
        let m = InteractionMatrix(triples: [("u1", "x", 1), ("u2", "x", 1), ("u5", "z", 1), ("u3", "y", 1), ("u4", "y", 1)])
        let test = [Interaction(user: "u3", item: "x"), Interaction(user: "u4", item: "z")]
        let r = RankingMetrics.evaluate(PopularityModel(m), matrix: m, test: test, k: 1)
        XCTAssertEqual(r.users, 2)
        XCTAssertEqual(r.recall, 0.5, accuracy: 1e-9)
        XCTAssertEqual(r.ndcg, 0.5, accuracy: 1e-9)
        let r2 = RankingMetrics.evaluate(PopularityModel(m), matrix: m, test: test, k: 2)
        XCTAssertEqual(r2.ndcg, (1 + 1 / log2(3.0)) / 2, accuracy: 1e-9)
    }

    func testSentimentShapesConfidence() {
        let shaping = ConfidenceShaping(alpha: 10, sentimentWeight: 0.5)
        let furiousFive = shaping.confidence(rating: 5, positive: 0.02)
        let glowingThree = shaping.confidence(rating: 3, positive: 0.98)
        XCTAssertGreaterThan(glowingThree, furiousFive)
        XCTAssertEqual(ConfidenceShaping(alpha: 10, sentimentWeight: 0).confidence(rating: 5, positive: 0), 11)
    }
}

final class SplitTests: XCTestCase {
    func testTheSameReviewUnderTwoVariantsCountsOnce() {
        let xs = [Interaction(user: "u", item: "a", timestamp: 1, text: "nice"),
                  Interaction(user: "u", item: "b", timestamp: 2, text: "great"),
                  Interaction(user: "u", item: "b-variant", timestamp: 2, text: "great")]
        let split = LeaveLastOut(xs)
        XCTAssertEqual(split.test.map(\.item), ["b"])
        XCTAssertEqual(split.train.map(\.item), ["a"])
    }
}

final class ColdStartTests: XCTestCase {
    func testAColdItemIsPlacedNearItemsWithSimilarText() {
        // Two communities as in the ALS tests; community a reviews talk about lipstick, b about guitar strings.
        var xs: [Interaction] = []
        for t in communityTriples() {
            let text = t.item.hasPrefix("a") ? "lovely lipstick colour, creamy lipstick" : "guitar strings sound bright, good strings"
            xs.append(Interaction(user: t.user, item: t.item, rating: 5, text: text))
        }
        var config = ALSConfig()
        config.factors = 2; config.iterations = 10; config.regularization = 1
        let model = RecommenderModel(training: TrainingSet(interactions: xs), config: config,
                                     shaping: ConfidenceShaping(), useSentiment: false)
        let near = model.coldStart.neighbours(of: "a new matte lipstick", k: 3)
        XCTAssertFalse(near.isEmpty)
        XCTAssertTrue(near.allSatisfy { model.matrix.itemIDs[$0.item].hasPrefix("a") })
        XCTAssertTrue(model.coldStart.neighbours(of: "zzz qqq", k: 3).isEmpty)

        // The cold lipstick outranks the cold strings for a lipstick user, and the reverse.
        let aUser = model.matrix.userIndex["u0"]!, bUser = model.matrix.userIndex["u30"]!
        let known = model.matrix.itemCount
        let cold = ["matte lipstick in red", "nickel guitar strings"]
        let sa = model.scores(user: aUser, coldTexts: cold), sb = model.scores(user: bUser, coldTexts: cold)
        XCTAssertGreaterThan(sa[known], sa[known + 1])
        XCTAssertGreaterThan(sb[known + 1], sb[known])
    }

    func testProfilesSurviveTheModelFile() throws {
        let xs = [Interaction(user: "u", item: "x", text: "battery lasts"), Interaction(user: "v", item: "y", text: "screen bright"),
                  Interaction(user: "u", item: "y", text: "screen ok")]
        var config = ALSConfig(); config.factors = 2; config.iterations = 2
        let model = RecommenderModel(training: TrainingSet(interactions: xs), config: config, shaping: ConfidenceShaping(), useSentiment: false)
        let path = NSTemporaryDirectory() + "rec-\(UUID().uuidString).model"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(to: path)
        let loaded = try RecommenderModel.load(from: path)
        XCTAssertEqual(loaded.coldStart.profiles, model.coldStart.profiles)
        XCTAssertEqual(loaded.als.itemFactors, model.als.itemFactors)
        XCTAssertEqual(model.matrix.itemIDs[loaded.coldStart.neighbours(of: "bright screen", k: 1)[0].item], "y")
    }
}
