import XCTest
@testable import ShopData

final class XMLTests: XCTestCase {
    static let semeval = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <sentences>
        <sentence id="3121">
            <text>But the staff was so horrible to us.</text>
            <aspectTerms>
                <aspectTerm term="staff" polarity="negative" from="8" to="13"/>
            </aspectTerms>
            <aspectCategories>
                <aspectCategory category="service" polarity="negative"/>
            </aspectCategories>
        </sentence>
        <sentence id="812">
            <text>  I bought a &quot;café&quot; laptop &amp; a bag.</text>
        </sentence>
        <sentence id="9">
            <text>Battery life rocks, screen is dim.</text>
            <aspectTerms>
                <aspectTerm term="Battery life" polarity="positive" from="0" to="12"/>
                <aspectTerm term="screen" polarity="negative" from="20" to="26"/>
            </aspectTerms>
        </sentence>
    </sentences>
    """

    func testSemEvalSentencesWithAspectTerms() throws {
        let sentences = try SemEvalReader(xml: Self.semeval).map { try $0.get() }
        XCTAssertEqual(sentences.map(\.id), ["3121", "812", "9"])
        XCTAssertEqual(sentences.map(\.line), [3, 12, 15])
        XCTAssertEqual(sentences[0].aspectTerms, [AspectTerm(term: "staff", from: 8, to: 13, polarity: "negative")])
        XCTAssertEqual(sentences[0].aspectCategories, [AspectCategory(category: "service", polarity: "negative")])
        XCTAssertEqual(sentences[1].text, "  I bought a \"café\" laptop & a bag.")
        XCTAssertEqual(sentences[1].aspectTerms, [])
        for s in sentences {
            for t in s.aspectTerms {
                XCTAssertEqual(s.range(of: t).map { String(s.text[$0]) }, t.term)
            }
        }
    }

    func testMalformedXMLGivesFileLineAndReason() throws {
        // libxml2's reader parses ahead in chunks and stops at the first fatal error, so
        // only records well before the error are delivered; 40 padding sentences make sure.
        var lines = ["<?xml version=\"1.0\"?>", "<sentences>"]
        for k in 0..<40 { lines.append("  <sentence id=\"\(k)\"><text>fine sentence number \(k)</text></sentence>") }
        lines.append("  <sentence id=\"x\"><text>unclosed</sentence>")
        lines.append("  <sentence id=\"y\"><text>never read</text></sentence>")
        lines.append("</sentences>")
        let results = Array(try SemEvalReader(xml: lines.joined(separator: "\n"), name: "broken.xml"))
        XCTAssertGreaterThanOrEqual(results.count, 21)
        XCTAssertEqual(try results[0].get().text, "fine sentence number 0")
        XCTAssertEqual(try results[0].get().line, 3)
        for r in results.dropLast() { XCTAssertNoThrow(try r.get()) }
        guard case .failure(let e)? = results.last else { return XCTFail("expected an error") }
        XCTAssertEqual(e.file, "broken.xml")
        XCTAssertEqual(e.line, 43)
        XCTAssertTrue(e.reason.contains("mismatch"), e.reason)
    }

    func testMalformedXMLFileThroughRecordReader() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("bad.xml", "<reviews>\n<review><text>one</text></review>\n<review><text>a & b</text></review>\n</reviews>\n")
        let (_, errors) = try RecordReader(path: path, options: .init(format: .xml)).readAll()
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors[0].file, path)
        XCTAssertEqual(errors[0].line, 3)
    }

    static let blitzer = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <reviews>
    <review>
    <unique_id>
    B000:great_kettle:ann
    </unique_id>
    <asin>
    B000123
    </asin>
    <product_name>
    Kettle: Kitchen
    </product_name>
    <helpful>
    3 of 4
    </helpful>
    <rating>
    5.0
    </rating>
    <title>
    Great kettle
    </title>
    <reviewer>
    Ann
    </reviewer>
    <review_text>
    Boils in &amp;lt;5 minutes &amp;amp; looks &amp;quot;nice&amp;quot;.
    </review_text>
    </review>
    <review>
    <asin>
    B000999
    </asin>
    <rating>
    1.0
    </rating>
    <review_text>
    Broke after a week.
    </review_text>
    </review>
    <review>
    <rating>
    five
    </rating>
    <review_text>
    x
    </review_text>
    </review>
    </reviews>
    """

    func testBlitzerReviews() throws {
        let results = Array(try BlitzerReader(xml: Self.blitzer))
        XCTAssertEqual(results.count, 3)
        let first = try results[0].get()
        XCTAssertEqual(first.asin, "B000123")
        XCTAssertEqual(first.rating, 5.0)
        XCTAssertEqual(first.polarity, "positive")
        XCTAssertEqual(first.title, "Great kettle")
        XCTAssertEqual(first.helpful, "3 of 4")
        XCTAssertEqual(first.reviewer, "Ann")
        XCTAssertEqual(first.text, "Boils in &lt;5 minutes &amp; looks &quot;nice&quot;.")
        XCTAssertEqual(first.line, 3)
        let second = try results[1].get()
        XCTAssertEqual(second.polarity, "negative")
        XCTAssertEqual(second.text, "Broke after a week.")
        guard case .failure(let e) = results[2] else { return XCTFail("a rating of 'five' must be an error") }
        XCTAssertEqual(e.field, "rating")

        let decoded = try BlitzerReader(xml: Self.blitzer, decodeHTML: true).next().map { try $0.get() }
        XCTAssertEqual(decoded?.text, "Boils in <5 minutes & looks \"nice\".")
    }

    func testBlitzerThroughRecordReaderWithLabel() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("k.review", Self.blitzer)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .xml, textField: .name("review_text"),
                                                                            labelField: .name("rating"), stripHTML: true)).readAll()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(records.map(\.label), ["5.0", "1.0", "five"])
        XCTAssertEqual(records[0].text, "Boils in <5 minutes & looks \"nice\".")
        XCTAssertEqual(records[0].fields["asin"], "B000123")
        XCTAssertGreaterThan(try RecordReader(path: path, options: .init(format: .xml)).byteOffset, -1)
    }

    func testRSSProductFeedWithGoogleNamespace() throws {
        let rss = """
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
          <channel>
            <title>Shop</title>
            <item>
              <title>Trail Shoe</title>
              <description><![CDATA[<p>Light &amp; <b>grippy</b></p>]]></description>
              <g:id>SKU-1</g:id>
              <g:price>59.90 EUR</g:price>
              <g:availability>in stock</g:availability>
              <enclosure url="http://x/1.jpg" type="image/jpeg"/>
            </item>
            <item>
              <title>Rain Jacket</title>
              <description>Keeps you dry</description>
              <g:price>89.00 EUR</g:price>
            </item>
          </channel>
        </rss>
        """
        let reader = try XMLRecordReader(xml: rss, recordElement: "item")
        let items = try reader.map { try $0.get() }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0].fields["g:price"], "59.90 EUR")
        XCTAssertEqual(items[0]["price"], "59.90 EUR")
        XCTAssertEqual(items[0].fields["g:id"], "SKU-1")
        XCTAssertEqual(items[0].fields["enclosure@url"], "http://x/1.jpg")
        XCTAssertEqual(items[0].fields["title"], "Trail Shoe")
        XCTAssertEqual(items[0].line, 5)
        XCTAssertEqual(items[1].line, 13)

        let tmp = try TempFiles()
        let path = try tmp.write("feed.rss", rss)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .xml, textField: .name("description"),
                                                                            labelField: .name("g:price"), recordElement: "item",
                                                                            stripHTML: true)).readAll()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(records.map(\.text), ["Light & grippy", "Keeps you dry"])
        XCTAssertEqual(records.map(\.label), ["59.90 EUR", "89.00 EUR"])
    }

    func testMissingXMLFieldIsAPerRecordError() throws {
        let xml = "<r><item><name>a</name><body>text</body></item><item><name>b</name></item><item><body>more</body></item></r>"
        let tmp = try TempFiles()
        let path = try tmp.write("m.xml", xml)
        let (records, errors) = try RecordReader(path: path, options: .init(format: .xml, textField: .name("body"),
                                                                            recordElement: "item")).readAll()
        XCTAssertEqual(records.map(\.text), ["text", "more"])
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors[0].field, "body")
        XCTAssertEqual(errors[0].line, 1)
    }

    func testInvalidUTF8InXMLIsAnErrorWithItsLine() throws {
        let tmp = try TempFiles()
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reviews>\n<review><text>ok</text></review>\n<review><text>bad ".utf8)
            + [0xFF, 0xFE] + Array("</text></review>\n</reviews>\n".utf8)
        let path = try tmp.write("u.xml", bytes: bytes)
        let (_, errors) = try RecordReader(path: path, options: .init(format: .xml)).readAll()
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, 4)
        XCTAssertTrue(errors.first?.reason.contains("UTF-8") ?? false, errors.first?.reason ?? "")
    }

    func testXMLFromMissingFileAndEmptyRecords() throws {
        XCTAssertThrowsError(try RecordReader(path: "/nonexistent/feed.xml", options: .init(format: .xml)))
        let records = try XMLRecordReader(xml: "<r><item id=\"1\"/><item id=\"2\"></item></r>", recordElement: "item").map { try $0.get() }
        XCTAssertEqual(records.map { $0.fields["id"] }, ["1", "2"])
    }
}
