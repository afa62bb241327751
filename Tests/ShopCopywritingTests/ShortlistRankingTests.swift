import XCTest
import ShopCore
@testable import ShopCopywriting

/// A scorer that gives every piece the same, strongly negative log-probability, as a real LM
/// does (a mean of −3 to −5 nats per token): only candidates it scored carry that term.
private struct FlatScorer: FluencyScorer {
    func logProbabilities(_ texts: [String], language: Language) -> [(logProb: Double, tokens: Int)] {
        texts.map { _ in (-40, 10) }
    }
}

final class ShortlistRankingTests: XCTestCase {
    /// With a shortlist shorter than 16, the diversity step used to re-sort the top 16: the
    /// candidates the LM never scored lacked its negative term and jumped ahead of every
    /// scored one, so the LM chose nothing.
    func testUnscoredCandidatesNeverOvertakeTheShortlist() {
        let fact = ProductAttribute(key: "材质", value: "棉")
        // Equal base scores; the draft orders them by a hash of the text.
        let candidates = (0..<12).map { i in
            Candidate(text: "棉质上衣第\(i)款。", facts: [fact], template: "t", parts: ["a"], pieces: ["棉质上衣第\(i)款。"],
                      partFacts: [[fact]])
        }
        for k in [1, 3, 8] {
            let ranker = Ranker(weights: RankingWeights(fluencyShortlist: k, diversity: 2.5), fluency: FlatScorer())
            let draft = ranker.draft(candidates, important: [fact], language: .zh, count: 1, maxChars: nil)
            XCTAssertEqual(draft.shortlist, k)
            let lps = FlatScorer().logProbabilities(draft.pieces, language: .zh)
            var usage = PhraseUsage()
            let picked = ranker.finish(draft, fluency: lps[...], usage: &usage, jitter: [])
            let shortlisted = Set(draft.sorted.prefix(k).map(\.text))
            XCTAssertTrue(shortlisted.contains(picked[0].text), "shortlist \(k): picked \(picked[0].text), not LM-scored")
            XCTAssertEqual(picked[0].fluency ?? 0, -4, accuracy: 1e-12)
        }
    }
}
