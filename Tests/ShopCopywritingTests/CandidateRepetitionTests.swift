import XCTest
import ShopCore
@testable import ShopCopywriting

final class CandidateRepetitionTests: XCTestCase {
    /// Candidates carry their repetition, read from their sentences' units; it must be
    /// exactly `TextStatistics.repetition` of their text, for every candidate of every
    /// applicable template on the sample products and (when the shared corpora are present)
    /// AdvertiseGen and catalogue records, in two tones.
    func testCandidatesCarryTheRepetitionOfTheirText() throws {
        let (library, checker) = (try Fixtures.shippedLibrary(), try Fixtures.shippedChecker())
        let pairs = try LazyExpansionTests.records().flatMap { r in
            library.applicable(to: r, language: r.inferredLanguage).map { (record: r, template: $0) }
        }
        var compared = 0, repeating = 0
        for (record, template) in pairs {
            for tone in [Tone.plain, .premium] {
                var rng = SplitMix64(seed: 3, key: record.id)
                let language = template.language
                let context = SlotContext(record: record, language: language, checker: checker, derivedSlots: template.derivedSlots)
                for c in CandidateGenerator(maxCandidates: 24, maxRealisationsPerLine: 16)
                    .candidates(for: template, context: context, tone: tone, checker: checker, claims: library.claims[language], rng: &rng) {
                    let want = TextStatistics.repetition(c.text, language: language)
                    XCTAssertEqual(c.repetition, want, "\(template.name) \(record.id): \(c.text)")
                    compared += 1
                    if want > 0 { repeating += 1 }
                }
            }
        }
        XCTAssertGreaterThan(compared, 500)
        XCTAssertGreaterThan(repeating, 10, "some candidates do repeat themselves")
    }

    /// A candidate shortened to fit a length is measured again.
    func testAShortenedCandidateIsMeasuredAgain() {
        let c = Candidate(text: "好看好看。好看。舒服。", facts: [], template: "t", parts: ["a", "b", "c"],
                          pieces: ["好看好看。", "好看。", "舒服。"], partFacts: [[], [], []], repetition: 0.99)
        let fitted = Ranker().fit(c, maxChars: 8, language: .zh)
        XCTAssertNotNil(fitted)
        XCTAssertNil(fitted?.repetition, "the stored figure was the longer text's")
        let scored = Ranker().baseScore(fitted!, important: [], language: .zh)
        XCTAssertEqual(scored.repetition, TextStatistics.repetition(fitted!.text, language: .zh))
    }
}
