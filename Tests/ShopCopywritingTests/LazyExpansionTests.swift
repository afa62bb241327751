import XCTest
import ShopCore
import ShopData
@testable import ShopCopywriting

/// `LazyExpansion` (the fast path of `TemplateRealiser.realise`) must give exactly the
/// realisations of the eager reference: every line of every shipped template, for the
/// sample products and (when the shared corpora are present) AdvertiseGen and catalogue
/// records, with and without sampling, at several limits.
final class LazyExpansionTests: XCTestCase {
    static func records() throws -> [ProductRecord] {
        var out = try ProductReader(path: Fixtures.samples + "/products.jsonl", format: .jsonl).readAll().records
        let corpora = Fixtures.root + "/../shared/corpora"
        let adgen = corpora + "/" + CopyCorpora.advertiseGen, cat = corpora + "/" + CopyCorpora.catalogue
        if FileManager.default.fileExists(atPath: adgen) {
            out += try CopyCorpora.advertiseGenExamples(path: adgen).examples.prefix(80).map(\.record)
        }
        if FileManager.default.fileExists(atPath: cat) {
            out += try CopyCorpora.catalogueProducts(path: cat).records.prefix(40)
        }
        return out
    }

    func testLazyRealisationsEqualTheEagerOnes() throws {
        let library = try Fixtures.shippedLibrary()
        let checker = try Fixtures.shippedChecker()
        var compared = 0, sampledLines = 0, varyingLines = 0, fixedProbes = 0
        for record in try Self.records() {
            let language = record.inferredLanguage
            for template in library.templates where template.language == language {
                let context = SlotContext(record: record, language: language, checker: checker, derivedSlots: template.derivedSlots)
                for slot in template.derivedSlots {
                    for alt in slot.alternatives {
                        XCTAssertEqual(TemplateRealiser.first(alt, in: context, limit: 1),
                                       TemplateRealiser.expandReference(alt, in: context, limit: 1).first, "\(template.name) @slot \(slot.name)")
                    }
                }
                for part in template.parts {
                    for (n, line) in part.lines.enumerated() {
                        for limit in [1, 4, 16] {
                            for variation in [nil, UInt64(n + 1), 0xDEAD_BEEF ^ UInt64(compared)] as [UInt64?] {
                                let fast = TemplateRealiser.realise(line, in: context, tone: .plain, limit: limit, variation: variation)
                                let reference = TemplateRealiser.realiseReference(line, in: context, tone: .plain, limit: limit, variation: variation)
                                XCTAssertEqual(fast, reference, "\(template.file):\(line.line) limit \(limit) variation \(String(describing: variation)) record \(record.id)")
                                if fast.count == limit && limit > 1 && variation != nil { sampledLines += 1 }
                                // Planning reads realisation 0's facts for all when they cannot vary.
                                let probe = LazyExpansion.probe(line.nodes, in: context)
                                // A line without slots is probed once, at parse.
                                XCTAssertEqual(line.probe(in: context), probe, "\(template.file):\(line.line) fixed probe")
                                if line.fixedProbe != nil { fixedProbes += 1 }
                                let built = LazyExpansion.build(line.nodes, in: context, limit: limit, variation: variation)
                                XCTAssertEqual(probe == nil, built == nil, "\(template.file):\(line.line) probe")
                                if let probe, let built {
                                    XCTAssertEqual(probe.empty, built.count == 0, "\(template.file):\(line.line) probe empty")
                                    let realisations = built.all()
                                    let all = realisations.map(\.facts)
                                    // Planning writes a sentence's text alone.
                                    XCTAssertEqual((0..<built.count).map(built.text), realisations.map(\.text), "\(template.file):\(line.line) text")
                                    if !probe.statesFacts {
                                        XCTAssertTrue(all.allSatisfy(\.isEmpty), "\(template.file):\(line.line) probe statesFacts")
                                    }
                                    if !probe.factsVary {
                                        XCTAssertTrue(all.allSatisfy { $0 == probe.facts }, "\(template.file):\(line.line) probe facts")
                                    } else { varyingLines += 1 }
                                }
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 1000)
        XCTAssertGreaterThan(sampledLines, 10, "the sampled path must be exercised")
        XCTAssertGreaterThan(fixedProbes, 100, "lines without slots are probed at parse")
        XCTAssertGreaterThan(varyingLines, 10, "lines whose facts vary must be exercised")
    }

    func testSamplingKeysMatchTheArraySet() {
        // Counts whose product overflows 64 bits take the array-set path; both must draw alike.
        for counts in [[3, 1, 7], [2, 2], [1], [1 << 40, 1 << 30, 5], [6, 8]] {
            let flat = LazyExpansion.sample(counts, limit: 16, seed: 42)
            XCTAssertEqual(flat.count % counts.count, 0)
            let a = stride(from: 0, to: flat.count, by: counts.count).map { Array(flat[$0..<($0 + counts.count)]) }
            XCTAssertEqual(Set(a.map { $0 }).count, a.count, "distinct picks")
            XCTAssertTrue(a.allSatisfy { p in zip(p, counts).allSatisfy { $0 < $1 } })
        }
        XCTAssertEqual(LazyExpansion.sample([2, 2], limit: 16, seed: 1).count, 4 * 2, "all 4 combinations found, no more")
    }
}
