import XCTest
@testable import ShopCopywriting

final class FactsTests: XCTestCase {
    func describer(_ options: DescriberOptions = DescriberOptions(variants: 5)) throws -> ProductDescriber {
        ProductDescriber(library: try Fixtures.shippedLibrary(),
                         checker: try Fixtures.shippedChecker(),
                         options: options)
    }

    func testClaimsTableConditionsWording() throws {
        let table = try ClaimsTable.parse("垂感 材质=雪纺\n低调 !图案=亮片\n四季 never\n", file: "c.txt")
        func ctx(_ specs: [(String, String)]) -> SlotContext {
            SlotContext(record: ProductRecord(id: "x", specs: specs.map { ProductAttribute(key: $0.0, value: $0.1) }), language: .zh)
        }
        XCTAssertTrue(table.supported("雪纺材质垂感自然", in: ctx([("材质", "雪纺")])))
        XCTAssertFalse(table.supported("蕾丝材质垂感自然", in: ctx([("材质", "蕾丝")])))
        XCTAssertFalse(table.supported("低调耐看", in: ctx([("图案", "亮片")])))
        XCTAssertTrue(table.supported("低调耐看", in: ctx([("图案", "条纹")])))
        XCTAssertFalse(table.supported("一年四季都能穿", in: ctx([])))
        XCTAssertThrowsError(try ClaimsTable.parse("垂感\n", file: "c.txt"))
    }

    func testShippedTemplatesMakeNoUnsupportedClaims() throws {
        let d = try describer()
        let inputs = [
            "类型#上衣*衣袖长#无袖*材质#蕾丝*风格#简约*衣样式#衬衫",
            "类型#裙*裙袖长#无袖*材质#牛仔布*颜色#蓝色*裙长#连衣裙",
            "类型#裤*裤款式#亮片*风格#简约*颜色#黑色*裤长#九分裤",
            "类型#上衣*图案#线条*图案#纯色*图案#复古*衣样式#卫衣",
        ]
        for (i, content) in inputs.enumerated() {
            let out = d.describe(try AdvertiseGenAttributes.record(content: content, id: "c\(i)"))
            XCTAssertFalse(out.blurbs.isEmpty, content)
            for b in out.blurbs {
                for bad in ["适合多个季节", "四季", "不易变形", "垂感", "低调", "线条元素", "纯色元素", "复古元素"] {
                    XCTAssertFalse(b.text.contains(bad), "\(content): \(b.text)")
                }
            }
        }
    }

    func testCleaningLexiconMovesNoiseValues() throws {
        let lex = try CleaningLexicon.parse("图案=线条 -> 线条\n图案=复古 -> 风格\n", file: "l.txt")
        let cleaned = lex.clean([ProductAttribute(key: "图案", value: "线条"), ProductAttribute(key: "图案", value: "复古"),
                                 ProductAttribute(key: "风格", value: "复古"), ProductAttribute(key: "图案", value: "条纹")])
        XCTAssertEqual(cleaned, [ProductAttribute(key: "线条", value: "线条"), ProductAttribute(key: "风格", value: "复古"),
                                 ProductAttribute(key: "图案", value: "条纹")])
        XCTAssertThrowsError(try CleaningLexicon.parse("图案 线条\n", file: "l.txt"))
    }

    func testImplausibleAgesAndWeightsAreLeftOut() {
        XCTAssertNil(ValueSanity.problem(key: "Manufacturer recommended age", value: "14 years and up"))
        XCTAssertNil(ValueSanity.problem(key: "Manufacturer recommended age", value: "36 months - 10 years"))
        XCTAssertNotNil(ValueSanity.problem(key: "Manufacturer recommended age", value: "3-20months"))
        XCTAssertNotNil(ValueSanity.problem(key: "Manufacturer recommended age", value: "10 years - 3 years"))
        XCTAssertNotNil(ValueSanity.problem(key: "Manufacturer recommended age", value: "150 years and up"))
        XCTAssertNotNil(ValueSanity.problem(key: "Item Weight", value: "0 pounds"))
        XCTAssertNil(ValueSanity.problem(key: "Item Weight", value: "12.8 ounces"))
        let r = RecordNormaliser().normalise(ProductRecord(id: "a", title: "Rattle", specs: [
            ProductAttribute(key: "Manufacturer recommended age", value: "3-20months")], language: .en), language: .en)
        XCTAssertTrue(r.specs.isEmpty)
        XCTAssertEqual(r.warnings.count, 1)
    }

    func testCategoryPathAndSpecListReachTheClothingTemplate() throws {
        let path = try Fixtures.temporaryFile("c.jsonl", """
            {"id": "z1", "title": "法式碎花连衣裙", "category": "女装 > 连衣裙", "spec": "版型:显瘦|材质:雪纺", "price": "¥199"}
            {"id": "z2", "title": "直筒牛仔裤", "category": "女装 | 裤子", "spec": "颜色：蓝色；材质：牛仔布"}
            """)
        let (records, errors) = try ProductReader(path: path, format: .jsonl).readAll()
        XCTAssertEqual(errors.count, 0)
        XCTAssertEqual(records[0].categoryPath, ["女装", "连衣裙"])
        XCTAssertEqual(records[1].values("颜色"), ["蓝色"])
        let d = try describer(DescriberOptions())
        let a = d.describe(records[0]).blurbs[0]
        XCTAssertEqual(a.template, "zh-裙")
        XCTAssertTrue(a.text.contains("显瘦") && a.text.contains("雪纺") && a.text.contains("¥199"), a.text)
        let b = d.describe(records[1]).blurbs[0]
        XCTAssertEqual(b.template, "zh-裤")
        XCTAssertTrue(b.text.contains("蓝色") && b.text.contains("牛仔布"), b.text)
    }

    func testMerchantDescriptionIsASourceOfFacts() throws {
        let path = try Fixtures.temporaryFile("feed.xml", """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
              <item><g:id>M1</g:id><title>Trail Water Bottle</title><g:price>12,50 EUR</g:price>
                <g:product_type>Sports &gt; Outdoor &gt; Bottles</g:product_type>
                <g:description>Keeps drinks cold for twelve hours. Fits most cup holders.</g:description></item>
              <item><g:id>M2</g:id><title>Mystery Box</title><g:price>ask</g:price></item>
            </channel></rss>
            """)
        let (records, errors) = try ProductReader(path: path, format: .xml).readAll()
        XCTAssertEqual(errors.count, 0, "an unreadable price no longer rejects the item")
        XCTAssertEqual(records[0].features, ["Keeps drinks cold for twelve hours.", "Fits most cup holders."])
        XCTAssertEqual(records[0].price, Price(cents: 1250, currency: "EUR"))
        XCTAssertEqual(records[0].categoryPath.last, "Bottles")
        XCTAssertNil(records[1].price)
        XCTAssertFalse(records[1].warnings.isEmpty)
        let text = try describer(DescriberOptions()).describe(records[0]).blurbs[0].text
        XCTAssertTrue(text.contains("cold for twelve hours"), text)
    }

    func testReviewPraiseNeedsPositiveCountsAndAFittingProduct() throws {
        // 15 of 20 reviews negative: no praise, even though 5 praise the quality.
        var reviews = (0..<5).map { _ in ProductReview(productID: "p", text: "质量很好", aspects: [AspectMention(aspect: "质量", positive: true)]) }
        reviews += (0..<15).map { _ in ProductReview(productID: "p", text: "太差了", aspects: [], negative: true) }
        XCTAssertEqual(ReviewEvidence(reviews: reviews).highlights(for: "p"), [])
        // Mentions without a clear opinion are not praise.
        XCTAssertEqual(AspectLexicon.mentions(in: "质量不怎么样", language: .zh), [AspectMention(aspect: "质量", positive: false)])
        XCTAssertTrue(AspectLexicon.isNegative("质量太差，退货了", language: .zh))
        // "soft hair" is comfort only for things one wears or sits on.
        let shampoo = ProductRecord(id: "s", title: "Argan Oil Shampoo", category: "Beauty | Hair Care | Shampoo")
        let hoodie = ProductRecord(id: "h", title: "Fleece Hoodie", category: "Clothing | Sweatshirts")
        XCTAssertFalse(AspectFit.fits("comfort", shampoo))
        XCTAssertTrue(AspectFit.fits("comfort", hoodie))
        XCTAssertTrue(AspectFit.fits("price", shampoo))
    }
}
