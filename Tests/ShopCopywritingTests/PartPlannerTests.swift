import XCTest
import ShopCore
@testable import ShopCopywriting

/// `CandidateGenerator.plan` (facts first, text only for the levels it needs) must keep
/// exactly the sentences of the eager `planReference`: every shipped template applicable to
/// the sample, AdvertiseGen and catalogue records, in every tone, with and without
/// `preferSpecific` and important facts, through the normalisation `describe` applies.
final class PartPlannerTests: XCTestCase {
    func testLazyPlanKeepsTheEagerPlansSentences() throws {
        let library = try Fixtures.shippedLibrary()
        let checker = try Fixtures.shippedChecker()
        var plans = 0, partsCompared = 0
        for original in try LazyExpansionTests.records() {
            let language = original.inferredLanguage
            let record = RecordNormaliser(cleaning: library.cleaning[language] ?? CleaningLexicon()).normalise(original, language: language)
            let facts = SlotContext(record: record, language: language)
            for useImportant in [true, false] {
                let important = useImportant ? ImportantFacts.of(record, language: language, context: facts) : []
                for template in library.applicable(to: record, language: language) {
                    let context = SlotContext(record: record, language: language, checker: checker,
                                              derivedSlots: template.derivedSlots, sharing: facts)
                    for tone in Tone.allCases as [Tone?] + [nil] {
                        for specific in [false, true] {
                            let generator = CandidateGenerator(maxCandidates: 32, maxRealisationsPerLine: 16, preferSpecific: specific)
                            var rngA = SplitMix64(seed: 7, key: record.id), rngB = rngA
                            let fast = generator.plan(template, context: context, tone: tone, checker: checker,
                                                      claims: library.claims[language], important: important, rng: &rngA)
                            let reference = generator.planReference(template, context: context, tone: tone, checker: checker,
                                                                    claims: library.claims[language], important: important, rng: &rngB)
                            let label = "\(template.name) record \(record.id) tone \(String(describing: tone)) specific \(specific) important \(useImportant)"
                            XCTAssertEqual(fast == nil, reference == nil, label)
                            XCTAssertEqual(rngA.next(), rngB.next(), "same generator draws: " + label)
                            guard let fast, let reference else { continue }
                            XCTAssertEqual(fast.map(\.part.name), reference.map(\.part.name), label)
                            for (f, r) in zip(fast, reference) {
                                XCTAssertEqual(f.options, r.options, label + " part " + f.part.name)
                                partsCompared += 1
                            }
                            plans += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(plans, 500)
        XCTAssertGreaterThan(partsCompared, 2000)
    }
}
