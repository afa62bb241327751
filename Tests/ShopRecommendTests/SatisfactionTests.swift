import XCTest
@testable import ShopRecommend

final class SatisfactionTests: XCTestCase {
    /// Figures worked out by hand: 1/log2(3) = 0.6309297536, so u1's NDCG is
    /// 0.6309297536 / (1 + 0.6309297536) = 0.3868528072.
    func testMetricsOnAHandComputedExample() {
        let lists = ["u1": ["a", "b", "c"], "u2": ["d", "e", "f"], "u3": ["g", "h"]]
        let liked: [String: Set<String>] = ["u1": ["b", "x"], "u2": ["z"], "u4": ["a"], "u5": []]
        let disliked: [String: Set<String>] = ["u1": ["c"], "u3": ["q"]]
        let m = SatisfactionMetrics.compute(lists: lists, liked: liked, disliked: disliked, k: 3)
        // u1: 1 hit of 2 liked; u2: none; u4 has no list and u5 nothing liked, so neither counts.
        XCTAssertEqual(m.likedUsers, 2)
        XCTAssertEqual(m.likedRecall, 0.25, accuracy: 1e-12)
        XCTAssertEqual(m.likedNDCG, 0.19342640361727081, accuracy: 1e-9)
        // u1's list shows c, which u1 disliked; u3's does not show q.
        XCTAssertEqual(m.dislikedUsers, 2)
        XCTAssertEqual(m.dislikedShare, 0.5, accuracy: 1e-12)
        // At K = 2 the disliked c falls off u1's list.
        let m2 = SatisfactionMetrics.compute(lists: lists, liked: liked, disliked: disliked, k: 2)
        XCTAssertEqual(m2.dislikedShare, 0, accuracy: 1e-12)
        XCTAssertEqual(m2.likedRecall, 0.25, accuracy: 1e-12)
    }

    func testLabelsFromStarsThenSentiment() {
        XCTAssertEqual(SatisfactionLabel.liked(rating: 4, positive: 0.1), true)
        XCTAssertEqual(SatisfactionLabel.liked(rating: 3, positive: 0.99), false)
        XCTAssertEqual(SatisfactionLabel.liked(rating: nil, positive: 0.7), true)
        XCTAssertEqual(SatisfactionLabel.liked(rating: nil, positive: 0.2), false)
        XCTAssertNil(SatisfactionLabel.liked(rating: nil, positive: nil))
    }

    func testTheSeededSplitHoldsOutSomeButNeverAllOfAUsersItems() {
        var xs: [Interaction] = []
        for u in 0..<30 { for i in 0..<(1 + u % 6) { xs.append(Interaction(user: "u\(u)", item: "i\(i)", rating: 5, timestamp: i)) } }
        let a = SatisfactionSplit(xs, seed: 3), b = SatisfactionSplit(xs, seed: 3), c = SatisfactionSplit(xs, seed: 4)
        XCTAssertEqual(a.heldOut, b.heldOut)
        XCTAssertNotEqual(a.heldOut, c.heldOut)
        XCTAssertEqual(a.train.count + a.heldOut.count, xs.count)
        for u in 0..<30 {
            let n = 1 + u % 6
            let held = a.heldOut.filter { $0.user == "u\(u)" }.count
            XCTAssertEqual(held, n < 2 ? 0 : min(n - 1, max(1, Int((0.2 * Double(n)).rounded()))), "u\(u)")
        }
    }

    func testTheEvaluationReportsEveryModelInBothCases() {
        var xs: [Interaction] = [], feats: [InteractionFeature] = []
        for (n, t) in communityTriples().enumerated() {
            let rating: Float = n % 4 == 0 ? 2 : 5
            xs.append(Interaction(user: t.user, item: t.item, rating: rating, timestamp: n))
            feats.append(InteractionFeature(user: t.user, item: t.item, positive: rating > 3 ? 0.9 : 0.1))
        }
        var options = SatisfactionOptions()
        options.seeds = [1, 2]
        options.config.factors = 2; options.config.iterations = 4; options.config.threads = 1
        options.grid.factors = [2]; options.grid.regularizations = [1]; options.grid.alphas = [5]; options.grid.sentimentWeights = [0.5]
        let report = SatisfactionEvaluation.run(interactions: xs, features: feats, options: options)
        XCTAssertEqual(report.rows.map { "\($0.scenario)/\($0.model)" },
                       ["stars shown/popularity", "stars shown/item-knn", "stars shown/als", "stars shown/als+sentiment",
                        "stars hidden/popularity", "stars hidden/item-knn", "stars hidden/als", "stars hidden/als+sentiment"])
        XCTAssertTrue(report.rows.allSatisfy { $0.perSeed.count == 2 })
        XCTAssertGreaterThan(report.dislikedUsers, 0)
        XCTAssertTrue(report.table().contains("liked Recall@10"))
    }
}
