import XCTest
@testable import ShopData

/// `corpus check` as a library call: every problem reported in file order, counts summarised.
final class CorpusCheckTests: XCTestCase {
    func testRecordsAreCountedAndEveryBadLineReported() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("t.tsv", "1\tgreat phone\nno tab here\n0\tbad battery\n1\tok\nalso no tab\n")
        var problems: [DataError] = []
        let summary = try CorpusCheck.summary(of: .file(path), reader: .records(.init(format: .tsv)), maxLabels: 1) {
            problems.append($0)
        }
        XCTAssertEqual(problems.map(\.line), [2, 5])
        XCTAssertTrue(summary.hasPrefix("3 records, 2 labels: 1=2 …; "), summary)
        XCTAssertTrue(summary.hasSuffix(" s"), summary)
    }

    func testSemEvalTermsMissingFromTheirSentenceAreProblems() throws {
        let tmp = try TempFiles()
        let path = try tmp.write("s.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <sentences>
              <sentence id="1"><text>The battery lasts.</text>
                <aspectTerms><aspectTerm term="battery" polarity="positive" from="4" to="11"/></aspectTerms>
              </sentence>
              <sentence id="2"><text>Nice screen.</text>
                <aspectTerms><aspectTerm term="keyboard" polarity="negative" from="0" to="8"/></aspectTerms>
              </sentence>
            </sentences>
            """)
        var problems: [DataError] = []
        let summary = try CorpusCheck.summary(of: .file(path), reader: .semeval, maxLabels: 5) { problems.append($0) }
        XCTAssertEqual(summary, "2 sentences, 2 aspect terms (negative=1 positive=1), 0 aspect categories")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.field, "aspectTerm")
        XCTAssertTrue(problems.first?.reason.contains("'keyboard'") ?? false, "\(problems)")
    }

    func testCountsListTheMostFrequentFirst() {
        XCTAssertEqual(CorpusCheck.counts(["b": 2, "a": 2, "c": 5], limit: 5), "c=5 a=2 b=2")
        XCTAssertEqual(CorpusCheck.counts(["b": 2, "a": 2, "c": 5], limit: 2), "c=5 a=2 …")
        XCTAssertEqual(CorpusCheck.counts([:], limit: 3), "")
    }
}
