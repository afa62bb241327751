import XCTest
import ShopData
@testable import ShopCopywriting

final class ReaderTests: XCTestCase {
    func testAdvertiseGenAttributes() throws {
        let attrs = try AdvertiseGenAttributes.parse("类型#上衣*材质#牛仔布*颜色#白色*风格#简约*风格#复古")
        XCTAssertEqual(attrs.count, 5)
        XCTAssertEqual(attrs[1], ProductAttribute(key: "材质", value: "牛仔布"))
        let r = try AdvertiseGenAttributes.record(content: "类型#裙*裙长#连衣裙", id: "a")
        XCTAssertEqual(r.category, "裙")
        XCTAssertEqual(r.values("裙长"), ["连衣裙"])
        XCTAssertThrowsError(try AdvertiseGenAttributes.parse("类型#上衣*材质牛仔布"))
        XCTAssertThrowsError(try AdvertiseGenAttributes.parse("类型#"))
    }

    func testAdvertiseGenFileWithAMalformedLine() throws {
        let path = try Fixtures.temporaryFile("dev.json", """
            {"content": "类型#上衣*材质#牛仔布", "summary": "牛仔外套。"}
            {"content": "类型#裙*颜色", "summary": "坏的"}
            {"content": "类型#裤*风格#简约", "summary": "简约裤子。"}
            """)
        let reader = try ProductReader(path: path, format: .advertisegen)
        let (records, errors) = reader.readAll()
        XCTAssertEqual(records.map(\.line), [1, 3])
        XCTAssertEqual(errors.map(\.line), [2])
        XCTAssertEqual(errors.first?.field, "content")
        XCTAssertEqual(reader.references[records[0].id], "牛仔外套。")
    }

    func testJSONLinesProductsAndMalformedRecord() throws {
        let path = try Fixtures.temporaryFile("p.jsonl", """
            {"id": "a1", "title": "Wooden Train Set", "price": "$19.99", "specs": {"color": "red"}, "features": ["Fits standard tracks and bridges."]}
            {"id": "a2", "title": "broken" "price": 3}
            {"title": "no id"}
            {"id": "a4", "title": "牛仔外套", "price": 199, "lang": "zh", "specs": [["材质", "牛仔布"]], "颜色": "白色"}
            {"id": "a5", "title": "Bad price", "price": "ask us"}
            {"content": "类型#裤*风格#简约", "summary": "…"}
            """)
        let (records, errors) = try ProductReader(path: path, format: .jsonl).readAll()
        XCTAssertEqual(records.map(\.id), ["a1", "a4", "a5", "line-6"], "a bad price leaves the price out, not the record")
        XCTAssertEqual(errors.map(\.line), [2, 3])
        XCTAssertEqual(records[3].values("风格"), ["简约"])
        XCTAssertEqual(errors.map(\.field), [nil, "id"])
        XCTAssertNil(records[2].price)
        XCTAssertEqual(records[2].warnings.count, 1)
        XCTAssertEqual(records[0].price, Price(cents: 1999, currency: "USD"))
        XCTAssertEqual(records[1].price, Price(cents: 19900, currency: "CNY"))
        XCTAssertEqual(records[1].values("颜色"), ["白色"], "other scalar members become specs")
        XCTAssertEqual(records[1].values("材质"), ["牛仔布"])
    }

    func testCatalogueCSVColumns() throws {
        let path = try Fixtures.temporaryFile("c.csv", #"""
            Uniq Id,Product Name,Brand Name,Category,Selling Price,About Product,Product Specification
            u1,"Snap Circuits Kit, FM Radio",,Toys & Games | Science Kits & Toys,$99.95,"Make sure this fits by entering your model number. | Builds 5 projects | Safe: tested parts","Shipping Weight: 4 pounds (View shipping rates)|Manufacturer recommended age: 8 years and up"
            u2,,,Toys,$1.00,,
            u3,"Kite ""Eagle""",,Toys,$10.99 - $20.99,,
            """#)
        let (records, errors) = try ProductReader(path: path, format: .csv).readAll()
        XCTAssertEqual(records.map(\.id), ["u1", "u3"])
        XCTAssertEqual(errors.map(\.line), [3], "a row without a product name is reported")
        XCTAssertEqual(records[0].title, "Snap Circuits Kit, FM Radio")
        XCTAssertEqual(records[0].features.count, 3)
        XCTAssertEqual(records[0].values("Manufacturer recommended age"), ["8 years and up"])
        XCTAssertEqual(records[0].values("Shipping Weight"), ["4 pounds"])
        XCTAssertEqual(records[1].price, Price(cents: 1099, currency: "USD", upperCents: 2099), "a price range stays a range")
        XCTAssertEqual(records[1].title, "Kite \"Eagle\"")
        XCTAssertEqual(CatalogueColumns.respacedAge("14yearsandup"), "14 years and up")
        XCTAssertEqual(CatalogueColumns.respacedAge("18months"), "18 months")
        XCTAssertEqual(CatalogueColumns.respacedAge("36months-10years"), "36 months - 10 years")
        XCTAssertNil(CatalogueColumns.respacedAge("10.3x3.4x0.8inches"))
        // Ranges whose first number is bare take the unit after it; a range of one age is that age.
        XCTAssertEqual(CatalogueColumns.respacedAge("4-12years"), "4 - 12 years")
        XCTAssertEqual(CatalogueColumns.respacedAge("16-16years"), "16 years")
        XCTAssertEqual(CatalogueColumns.respacedAge("12month-2years"), "12 months - 2 years")
        XCTAssertEqual(CatalogueColumns.respacedAge("1month-2years"), "1 month - 2 years")
        XCTAssertEqual(CatalogueColumns.respacedAge("1yearandup"), "1 year and up")
        XCTAssertNil(CatalogueColumns.respacedAge("4-12"))
    }

    func testMerchantFeedWithMalformedItem() throws {
        let path = try Fixtures.temporaryFile("feed.xml", """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
            <channel>
              <title>Shop</title>
              <item>
                <g:id>G1</g:id>
                <title>Plush Unicorn</title>
                <g:brand>Sparkle</g:brand>
                <g:price>15.00 USD</g:price>
                <g:color>pink</g:color>
                <g:product_type>Toys &amp; Games &gt; Plush</g:product_type>
                <g:product_highlight>Soft fabric for cuddles</g:product_highlight>
                <g:product_highlight>Machine washable</g:product_highlight>
              </item>
              <item>
                <title>No id here</title>
              </item>
              <item>
                <g:id>G3</g:id>
                <title>白色牛仔外套</title>
                <g:price>199.00 CNY</g:price>
                <g:material>牛仔布</g:material>
                <g:product_type>上衣</g:product_type>
              </item>
            </channel>
            </rss>
            """)
        let (records, errors) = try ProductReader(path: path, format: .xml).readAll()
        XCTAssertEqual(records.map(\.id), ["G1", "G3"])
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.field, "g:id")
        XCTAssertEqual(errors.first?.line, 15)
        XCTAssertEqual(records[0].brand, "Sparkle")
        XCTAssertEqual(records[0].features, ["Soft fabric for cuddles", "Machine washable"])
        XCTAssertEqual(records[0].values("color"), ["pink"])
        XCTAssertEqual(records[0].price, Price(cents: 1500, currency: "USD"))
        XCTAssertEqual(records[1].values("材质"), ["牛仔布"], "zh feeds use the zh spec names")
        XCTAssertEqual(records[1].values("类型"), ["上衣"], "the product type doubles as 类型")
    }

    func testReviewsFromTextAndFromTaggerAspects() throws {
        let path = try Fixtures.temporaryFile("r.jsonl", """
            {"product_id": "p", "text": "面料很舒服，做工不错"}
            {"product_id": "p", "aspects": [{"term": "面料", "aspect": "面料", "polarity": "positive", "score": 0.9}]}
            {"text": "no id"}
            {"product_id": "q", "aspects": [{"aspect": "size", "polarity": "sideways"}]}
            """)
        let (reviews, errors) = try ReviewReader.read(path: path, language: nil)
        XCTAssertEqual(reviews.count, 2)
        XCTAssertEqual(errors.map(\.line), [3, 4])
        XCTAssertTrue(reviews[0].aspects.contains(AspectMention(aspect: "面料", positive: true)))
        XCTAssertTrue(reviews[0].aspects.contains(AspectMention(aspect: "做工", positive: true)))
    }

    func testTaggerOutputIsJoinedByLine() throws {
        let reviewsPath = try Fixtures.temporaryFile("r.jsonl", """
            {"product_id": "p", "text": "面料很舒服"}
            {"product_id": "p", "text": "料子一般"}
            """)
        let taggedPath = try Fixtures.temporaryFile("t.jsonl", """
            {"line":1,"label":"positive","aspects":[{"term":"面料","aspect":"面料","polarity":"positive"},{"term":"舒服","aspect":"面料","polarity":"positive"}]}
            {"line":2,"label":"negative","aspects":[{"term":"料子","aspect":"面料","polarity":"neutral"}]}
            {"line":9,"label":"positive","aspects":[]}
            """)
        let (reviews, _) = try ReviewReader.read(path: reviewsPath, language: .zh)
        let joined = try ReviewReader.attachTaggedAspects(path: taggedPath, to: reviews)
        XCTAssertEqual(joined.attached, 2)
        XCTAssertEqual(joined.errors.map(\.line), [3], "line 9 matches no review")
        let evidence = ReviewEvidence(reviews: joined.reviews, minReviews: 1, minPositiveShare: 0.7)
        let tally = evidence.evidence(for: "p").first { $0.aspect == "面料" }
        XCTAssertEqual(tally?.mentions, 2, "two mentions in one review count once")
        XCTAssertEqual(tally?.positive, 1, "a neutral mention is not praise")
        XCTAssertEqual(evidence.highlights(for: "p"), [], "1 of 2 positive is below 0.7")
    }
}
