import XCTest
import ShopCore
@testable import ShopCopywriting

/// Drafts the LM scores blurbs with one `Blurb` per `scored` entry; this one gives each piece
/// a figure from its text, so a different shortlist or order shows in the result.
private struct TextScorer: FluencyScorer {
    func logProbabilities(_ texts: [String], language: Language) -> [(logProb: Double, tokens: Int)] {
        texts.map { t in (-Double(FNV1a.hash64(t) % 1000) / 100, max(1, t.unicodeScalars.count)) }
    }
}

final class CandidateTableTests: XCTestCase {
    /// Every template's planned parts on the sample, AdvertiseGen and catalogue records, in
    /// two tones and with small and default candidate limits (all combinations and sampled
    /// ones): the table's candidates are exactly `combineReference`'s, drawn from the same
    /// generator state and leaving it the same.
    func testTheTableHoldsTheReferenceCandidates() throws {
        let (library, checker) = (try Fixtures.shippedLibrary(), try Fixtures.shippedChecker())
        var compared = 0, sampled = 0, duplicatesDropped = 0
        for record in try LazyExpansionTests.records() {
            let language = record.inferredLanguage
            for template in library.applicable(to: record, language: language) {
                for (tone, limit) in [(Tone.plain, 32), (.premium, 4)] {
                    let generator = CandidateGenerator(maxCandidates: limit, maxRealisationsPerLine: 16, preferSpecific: true)
                    let context = SlotContext(record: record, language: language, checker: checker, derivedSlots: template.derivedSlots)
                    var rng = SplitMix64(seed: 5, key: record.id)
                    guard let parts = generator.plan(template, context: context, tone: tone, checker: checker,
                                                     claims: library.claims[language], important: [], rng: &rng), !parts.isEmpty
                    else { continue }
                    var a = rng, b = rng
                    let want = generator.combineReference(parts, template: template, language: language, rng: &a)
                    let table = try XCTUnwrap(generator.table(parts, template: template, language: language, rng: &b))
                    XCTAssertEqual(table.candidates(), want, "\(template.name) \(record.id)")
                    XCTAssertEqual(a.next(), b.next(), "the same draws")
                    for (i, c) in want.enumerated() {
                        XCTAssertEqual(table.hashes[i], FNV1a.hash64(c.text))
                        XCTAssertEqual(table.text(i), c.text)
                    }
                    let combinations = parts.reduce(1) { $0 * $1.options.count }
                    if combinations > limit { sampled += 1 }
                    if combinations <= limit && want.count < combinations { duplicatesDropped += 1 }
                    compared += want.count
                }
            }
        }
        XCTAssertGreaterThan(compared, 2_000)
        XCTAssertGreaterThan(sampled, 20, "sampled combinations are compared too")
        _ = duplicatesDropped
    }

    /// The ranker's draft from tables is its draft from the written-out candidates: every
    /// blurb in the same order with the same figures, the same shortlist and LM pieces, and
    /// the same finished picks for one blurb and for three variants, with and without a
    /// length limit.
    func testDraftingFromTablesIsDraftingFromCandidates() throws {
        let (library, checker) = (try Fixtures.shippedLibrary(), try Fixtures.shippedChecker())
        let ranker = Ranker(weights: .shipped, fluency: TextScorer())
        var products = 0, pastTheHead = 0
        for record in try LazyExpansionTests.records() {
            let language = record.inferredLanguage
            let important = ImportantFacts.of(record, language: language)
            var tables: [CandidateTable] = []
            var rng = SplitMix64(seed: 9, key: record.id)
            for template in library.applicable(to: record, language: language) {
                let context = SlotContext(record: record, language: language, checker: checker, derivedSlots: template.derivedSlots)
                if let t = CandidateGenerator(maxCandidates: 32, maxRealisationsPerLine: 16, preferSpecific: true)
                    .table(for: template, context: context, tone: .plain, checker: checker, claims: library.claims[language],
                           important: important, rng: &rng) {
                    tables.append(t)
                }
            }
            let candidates = tables.flatMap { $0.candidates() }
            for (count, maxChars) in [(1, nil), (3, nil), (1, 60 as Int?)] {
                let fast = ranker.draft(tables, important: important, language: language, count: count, maxChars: maxChars)
                let slow = ranker.draft(candidates, important: important, language: language, count: count, maxChars: maxChars)
                XCTAssertEqual(fast.sorted, slow.sorted, record.id)
                XCTAssertEqual(fast.total, slow.sorted.count)
                XCTAssertEqual(fast.shortlist, slow.shortlist)
                XCTAssertEqual(fast.pieces, slow.pieces)
                if fast.head.count < fast.total { pastTheHead += 1 }
                let lps = TextScorer().logProbabilities(fast.pieces, language: language)
                var u1 = PhraseUsage(), u2 = PhraseUsage()
                XCTAssertEqual(ranker.finish(fast, fluency: lps[...], usage: &u1, jitter: [0.01, 0.02]),
                               ranker.finish(slow, fluency: lps[...], usage: &u2, jitter: [0.01, 0.02]), record.id)
            }
            products += 1
        }
        XCTAssertGreaterThan(products, 100)
        XCTAssertGreaterThan(pastTheHead, 50, "drafts with candidates past the head are compared")
    }

    /// Combinations that write the same text (an empty sentence before or after the same
    /// words, a movable part's order, English spaces the join trims) are one candidate, as
    /// in the reference; texts that only share a hash prefix are not.
    func testCombinationsWritingTheSameTextAreOneCandidate() throws {
        let generator = CandidateGenerator(maxCandidates: 100)
        let template = Template(name: "t", language: .zh, parts: [])
        let fact = ProductAttribute(key: "颜色", value: "红色")
        for (language, a, b) in [(Language.zh, ["好看", "", "红色"], ["", "好看", "红色"]),
                                 (.en, ["Nice ", "", " Nice"], ["Nice", "", "Red"])] {
            let parts = [
                PlannedPart(part: TemplatePart(name: "a", movable: true), options: a.map { Realisation(text: $0, facts: $0 == "红色" ? [fact] : []) }),
                PlannedPart(part: TemplatePart(name: "b", movable: true), options: b.map { Realisation(text: $0) }),
            ]
            var r1 = SplitMix64(seed: 1), r2 = SplitMix64(seed: 1)
            let want = generator.combineReference(parts, template: template, language: language, rng: &r1)
            let table = try XCTUnwrap(generator.table(parts, template: template, language: language, rng: &r2))
            XCTAssertEqual(table.candidates(), want)
            XCTAssertLessThan(want.count, 3 * 3 * 2, "\(language): some combinations repeat a text")
            XCTAssertEqual(Set(want.map(\.text)).count, want.count)
        }
    }
}

