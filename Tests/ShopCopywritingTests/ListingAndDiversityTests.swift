import XCTest
@testable import ShopCopywriting

final class ListingAndDiversityTests: XCTestCase {
    func describer(_ options: DescriberOptions = DescriberOptions()) throws -> ProductDescriber {
        ProductDescriber(library: try Fixtures.shippedLibrary(),
                         checker: try Fixtures.shippedChecker(),
                         options: options)
    }

    func testTitleBulletsKeywordsAndCSV() throws {
        let d = try describer(DescriberOptions(listing: .taobao))
        let record = try AdvertiseGenAttributes.record(content: "类型#上衣*材质#牛仔布*颜色#白色*风格#简约*图案#刺绣*衣样式#外套*衣款式#破洞", id: "t1")
        let out = d.describe(record)
        let l = try XCTUnwrap(out.listing)
        XCTAssertEqual(l.title, "简约牛仔布白色刺绣外套")
        XCTAssertTrue((3...5).contains(l.bullets.count), "\(l.bullets)")
        XCTAssertTrue(l.keywords.contains("牛仔布") && l.keywords.contains("破洞"))
        let row = DescriptionCSV.row(out)
        XCTAssertTrue(row.hasPrefix("t1,zh,简约牛仔布白色刺绣外套,"), row)
        XCTAssertEqual(DescriptionCSV.quote("a,\"b\""), "\"a,\"\"b\"\"\"")
        let en = try describer(DescriberOptions(listing: .amazon)).describe(ProductRecord(
            id: "e", title: "Wooden Train Set, 40 Pieces", brand: "Brio", features: ["Includes 40 wooden pieces and a bridge.", "Compatible with most wooden railways."], language: .en))
        XCTAssertEqual(en.listing?.title, "Brio Wooden Train Set, 40 Pieces")
        XCTAssertEqual(en.listing?.bullets.first, "Includes 40 wooden pieces and a bridge.")
        XCTAssertLessThanOrEqual(try describer(DescriberOptions(maxChars: CopyPreset.short.maxChars, listing: .short)).describe(record).blurbs[0].text.count, 90)
    }

    func testEnglishNamesAreNotCutAtTheFirstComma() {
        XCTAssertEqual(ProductName.of("Pokemon TCG: Sun and Moon Crimson Invasion Elite Trainer Box"), "Pokemon TCG: Sun and Moon Crimson Invasion Elite Trainer Box")
        XCTAssertEqual(ProductName.of("PLUS PLUS - Construction Building Toy, Open Play Set - 3,600 Pieces"), "PLUS PLUS - Construction Building Toy")
        XCTAssertEqual(ProductName.of("The Complete Common Core: State Standards Kit, Grade 5"), "Complete Common Core: State Standards Kit")
        // A scale ratio written with a space is not a cut point.
        XCTAssertEqual(ProductName.of("Plum Azur Lane: Ijn Yamashiro 1: 7 Scale PVC Figure, Multicolor"), "Plum Azur Lane: Ijn Yamashiro 1: 7 Scale PVC Figure")
        XCTAssertEqual(BulletSentence.withSubject("Includes 3 story reels."), "It includes 3 story reels.")
        XCTAssertEqual(BulletSentence.withSubject("Bright LED lights."), "Bright LED lights.")
    }

    func testBatchPenaltySpreadsWording() throws {
        let d = try describer()
        // 40 products that differ only in id: alone each would get the same best wording.
        let records = try (0..<40).map { try AdvertiseGenAttributes.record(content: "类型#裙*材质#雪纺*颜色#白色*风格#清新*裙长#连衣裙", id: "d\($0)") }
        let texts = d.describe(records).map { $0.blurbs[0].text }
        var closings: [String: Int] = [:]
        for t in texts { closings[String(t.split(separator: "。").last ?? ""), default: 0] += 1 }
        XCTAssertGreaterThan(Set(texts).count, 30, "batch penalty: most blurbs differ")
        XCTAssertLessThanOrEqual(closings.values.max() ?? 0, 8, "no closing in more than a fifth of the batch: \(closings)")
        // Deterministic, and independent of threads.
        XCTAssertEqual(d.describe(records, threads: 1, batch: 20).map { $0.blurbs[0].text }, d.describe(records, threads: 3, batch: 20).map { $0.blurbs[0].text })
        for r in d.describe(records) { for b in r.blurbs { for m in b.mentions { XCTAssertTrue(records[0].specs.contains(m) || m.key == "类型") } } }
    }

    func testVariantsDifferInPlan() throws {
        let record = try AdvertiseGenAttributes.record(content: "类型#裙*材质#蕾丝*风格#性感*裙长#连衣裙*版型#显瘦*裙领型#v领*颜色#黑色", id: "v")
        let out = try describer(DescriberOptions(variants: 3)).describe(record)
        XCTAssertEqual(out.blurbs.count, 3)
        XCTAssertEqual(Set(out.blurbs.map { $0.pieces.first ?? "" }).count, 3, "each variant opens differently")
    }

    func testLengthWeightRewardsLongerBlurbsUpToTheTarget() {
        let fact = ProductAttribute(key: "材质", value: "棉")
        let short = Candidate(text: "棉质上衣。", facts: [fact], template: "t")
        let long = Candidate(text: "这件上衣选用棉质面料，穿着很舒服。", facts: [fact], template: "t")
        let off = Ranker(weights: RankingWeights(length: 0))
        XCTAssertEqual(off.baseScore(short, important: [fact], language: .zh).score,
                       off.baseScore(long, important: [fact], language: .zh).score, accuracy: 1e-12)
        let on = Ranker(weights: RankingWeights(length: 0.5, targetLength: 10))
        let s = on.baseScore(short, important: [fact], language: .zh).score
        let l = on.baseScore(long, important: [fact], language: .zh).score
        XCTAssertGreaterThan(l, s)
        // Past the target, length earns nothing more.
        let longer = Candidate(text: "这件上衣选用棉质面料，穿着很舒服，日常搭配也很方便。", facts: [fact], template: "t")
        XCTAssertEqual(on.baseScore(longer, important: [fact], language: .zh).score - l,
                       -(1.5 * (TextStatistics.repetition(longer.text, language: .zh) - TextStatistics.repetition(long.text, language: .zh))),
                       accuracy: 1e-9)
    }
}
