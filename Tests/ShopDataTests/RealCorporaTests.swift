import XCTest
@testable import ShopData
import ShopCore

/// Reads the real shared corpora when they are present and checks the counts their
/// README states (skipped on machines without `../shared/corpora`).
final class RealCorporaTests: XCTestCase {
    private func corpus(_ relative: String) throws -> String {
        let path = ResourcePaths.corpus(relative)
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("shared corpora not found (\(path)); set SHOPNLP_CORPORA to run this test")
        }
        return path
    }

    func testSemEvalCountsMatchTheReadme() throws {
        // file: sentences, aspect terms, positive, negative, neutral, conflict (corpora README).
        let expected: [(String, [Int])] = [
            ("Laptop_Train_v2.xml", [3045, 2358, 987, 866, 460, 45]),
            ("Laptops_Test_Gold.xml", [800, 654, 341, 128, 169, 16]),
            ("Restaurants_Train_v2.xml", [3041, 3693, 2164, 805, 633, 91]),
            ("Restaurants_Test_Gold.xml", [800, 1134, 728, 196, 196, 14]),
        ]
        for (file, counts) in expected {
            let sentences = try SemEvalReader.load(path: try corpus("semeval2014_absa/" + file))
            let terms = sentences.flatMap(\.aspectTerms)
            let by = Dictionary(grouping: terms, by: \.polarity).mapValues(\.count)
            XCTAssertEqual([sentences.count, terms.count, by["positive"] ?? 0, by["negative"] ?? 0,
                            by["neutral"] ?? 0, by["conflict"] ?? 0], counts, file)
            // Offsets index the untrimmed text; 9 terms of Laptop_Train_v2 have offsets that
            // miss (checked with Python's ElementTree), and `range(of:)` still finds them all.
            let off = sentences.flatMap { s in s.aspectTerms.filter { !s.offsetsMatch($0) } }
            XCTAssertEqual(off.count, file == "Laptop_Train_v2.xml" ? 9 : 0, file)
            let missing = sentences.flatMap { s in s.aspectTerms.filter { t in s.range(of: t).map { String(s.text[$0]) } != t.term } }
            XCTAssertEqual(missing.count, 0, "\(file): \(missing.prefix(3))")
        }
        // Restaurant aspect categories: train 3713 (2179/839/500/195).
        let cats = try SemEvalReader.load(path: try corpus("semeval2014_absa/Restaurants_Train_v2.xml")).flatMap(\.aspectCategories)
        let byCat = Dictionary(grouping: cats, by: \.polarity).mapValues(\.count)
        XCTAssertEqual(cats.count, 3713)
        XCTAssertEqual([byCat["positive"], byCat["negative"], byCat["neutral"], byCat["conflict"]], [2179, 839, 500, 195])
    }

    func testBlitzerFilesHold1000ReviewsEachWithMatchingRatings() throws {
        for domain in ["books", "dvd", "electronics", "kitchen"] {
            for side in ["positive", "negative"] {
                let path = try corpus("blitzer_multi_domain_sentiment/\(domain)/\(side).review")
                let reviews = try BlitzerReader.load(path: path)
                XCTAssertEqual(reviews.count, 1000, path)
                XCTAssertEqual(reviews.filter { $0.polarity == side }.count, 1000, path)
                XCTAssertTrue(reviews.allSatisfy { !$0.asin.isEmpty && !$0.text.isEmpty }, path)
            }
        }
    }

    func testSplitFilesReadWithoutErrors() throws {
        // books: train 1566, dev 195, test 195 (README table).
        for (split, n) in [("train", 1566), ("dev", 195), ("test", 195)] {
            let path = try corpus("blitzer_multi_domain_sentiment/books/\(split).tsv")
            let examples = try LabeledCorpus.load(tsv: path)
            XCTAssertEqual(examples.count, n, path)
        }
        let labels = LabeledCorpus.labelCounts(try LabeledCorpus.load(tsv: try corpus("blitzer_multi_domain_sentiment/books/train.tsv")))
        XCTAssertEqual(labels, ["1": 417, "2": 354, "4": 214, "5": 581])
    }

    func testAmazonJSONLinesAndPromptCloudCSV() throws {
        let json = try corpus("amazon_all_beauty_5core/All_Beauty_5.json")
        let j = try RecordReader(path: json, options: .init(format: .jsonl, textField: .name("reviewText"),
                                                            labelField: .name("overall"), emptyText: .keep)).readAll()
        // 5269 reviews (README); some carry no reviewText and come back as errors.
        XCTAssertEqual(j.records.count + j.errors.count, 5269)
        XCTAssertTrue(j.errors.allSatisfy { $0.field == "reviewText" }, "\(j.errors.prefix(3))")
        XCTAssertEqual(Dictionary(grouping: j.records + [], by: { $0.label ?? "" }).count <= 5, true)

        let csv = try corpus("amazon_products_promptcloud_sample/test_sample_1000.csv")
        let c = try RecordReader(path: csv, options: .init(format: .csv, textField: .name("Product Name"),
                                                           labelField: .name("Category"), emptyText: .keep)).readAll()
        XCTAssertEqual(c.errors, [])
        XCTAssertEqual(c.records.count, 1000)
    }
}
