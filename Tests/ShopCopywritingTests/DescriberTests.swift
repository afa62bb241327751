import XCTest
@testable import ShopCopywriting

final class DescriberTests: XCTestCase {
    func describer(_ options: DescriberOptions = DescriberOptions(), reviews: ReviewEvidence? = nil) throws -> ProductDescriber {
        ProductDescriber(library: try Fixtures.shippedLibrary(),
                         checker: try Fixtures.shippedChecker(),
                         options: options, reviews: reviews)
    }

    /// Every AdvertiseGen attribute value, so the check can tell an invented one.
    static let vocabulary: Set<String> = ["上衣", "裙", "裤", "牛仔布", "棉", "蕾丝", "针织", "白色", "黑色", "红色", "简约", "复古",
                                          "性感", "潮", "显瘦", "宽松", "刺绣", "印花", "条纹", "线条", "外套", "衬衫", "连衣裙", "阔腿裤",
                                          "破洞", "口袋", "v领", "圆领", "高腰", "通勤", "青春", "文艺", "衫", "纯色"]

    func testHallucinationCheckFindsInventedValues() {
        let check = HallucinationCheck(vocabulary: Self.vocabulary)
        XCTAssertEqual(check.inventedValues(in: "这件白色牛仔外套", inputValues: ["外套", "牛仔布"]), ["白色"])
        XCTAssertEqual(check.inventedValues(in: "这件衬衫很好看", inputValues: ["衬衫"]), [], "衫 inside the input's 衬衫 is not invented")
        XCTAssertEqual(check.inventedValues(in: "棉麻材质", inputValues: ["棉麻"]), [])
    }

    func testBlurbsOnlyStateInputFacts() throws {
        let d = try describer(DescriberOptions(variants: 3))
        let check = HallucinationCheck(vocabulary: Self.vocabulary)
        let inputs = [
            "类型#上衣*材质#牛仔布*颜色#白色*风格#简约*图案#刺绣*衣样式#外套*衣款式#破洞",
            "类型#裙*材质#蕾丝*风格#性感*裙长#连衣裙*版型#显瘦*裙领型#v领",
            "类型#裤*裤型#阔腿裤*风格#复古*裤腰型#高腰",
            "类型#上衣",
        ]
        for (i, content) in inputs.enumerated() {
            let record = try AdvertiseGenAttributes.record(content: content, id: "t\(i)")
            let out = d.describe(record)
            XCTAssertFalse(out.blurbs.isEmpty, content)
            for b in out.blurbs {
                XCTAssertEqual(check.inventedValues(in: b.text, inputValues: record.specs.map(\.value)), [], b.text)
                for m in b.mentions { XCTAssertTrue(record.specs.contains(m), "\(m) is not in the record") }
            }
        }
    }

    func testVariantsAreDistinctAndSeeded() throws {
        let record = try AdvertiseGenAttributes.record(content: "类型#裙*材质#蕾丝*风格#性感*裙长#连衣裙*版型#显瘦*裙领型#v领*颜色#黑色", id: "v")
        let a = try describer(DescriberOptions(variants: 3, seed: 7)).describe(record)
        let b = try describer(DescriberOptions(variants: 3, seed: 7)).describe(record)
        XCTAssertEqual(a.blurbs.map(\.text), b.blurbs.map(\.text), "same seed, same output")
        XCTAssertEqual(Set(a.blurbs.map(\.text)).count, 3)
        XCTAssertGreaterThanOrEqual(a.blurbs[0].score, a.blurbs[2].score)
    }

    func testMaxCharsShortensOrSkips() throws {
        let record = try AdvertiseGenAttributes.record(content: "类型#上衣*材质#牛仔布*颜色#白色*风格#简约*图案#刺绣*衣样式#外套*衣款式#破洞", id: "m")
        let out = try describer(DescriberOptions(variants: 2, maxChars: 40)).describe(record)
        XCTAssertFalse(out.blurbs.isEmpty)
        for b in out.blurbs { XCTAssertLessThanOrEqual(b.text.count, 40, b.text) }
    }

    func testToneSelectsTaggedLines() throws {
        let record = try AdvertiseGenAttributes.record(content: "类型#上衣*衣样式#卫衣*风格#休闲", id: "tone")
        let lively = try describer(DescriberOptions(tone: .lively)).describe(record)
        XCTAssertTrue(lively.blurbs[0].text.contains("啦") || lively.blurbs[0].text.contains("哦"), lively.blurbs[0].text)
    }

    func testReviewHighlightsNeedEnoughPositiveEvidence() throws {
        let reviews = (0..<4).map { _ in ProductReview(productID: "r1", text: "", aspects: [AspectMention(aspect: "面料", positive: true)]) }
            + [ProductReview(productID: "r1", text: "", aspects: [AspectMention(aspect: "做工", positive: true)]),
               ProductReview(productID: "r2", text: "", aspects: [AspectMention(aspect: "面料", positive: true)])]
            + (0..<3).map { i in ProductReview(productID: "r2", text: "", aspects: [AspectMention(aspect: "做工", positive: i == 0)]) }
        let evidence = ReviewEvidence(reviews: reviews, minReviews: 3, minPositiveShare: 0.7)
        XCTAssertEqual(evidence.highlights(for: "r1").map(\.aspect), ["面料"], "做工 has only one review")
        XCTAssertEqual(evidence.highlights(for: "r2"), [], "做工 is mostly negative, 面料 too rare")
        XCTAssertEqual(evidence.evidence(for: "r2").first { $0.aspect == "做工" }?.positiveShare ?? 0, 1.0 / 3, accuracy: 1e-9)

        var r1 = try AdvertiseGenAttributes.record(content: "类型#上衣*衣样式#衬衫*风格#简约", id: "r1")
        let d = try describer(DescriberOptions(variants: 3), reviews: evidence)
        XCTAssertTrue(d.describe(r1).blurbs.contains { $0.text.contains("买家普遍称赞面料") })
        r1.id = "r2"
        XCTAssertFalse(d.describe(r1).blurbs.contains { $0.text.contains("称赞") })
    }
}
