import Foundation
import XCTest
import ShopData
@testable import ShopSentiment

/// `sentiment report`: dates, line parsing, aggregation, and the files written.
final class ReportTests: XCTestCase {
    func testDates() {
        XCTAssertEqual(ReportDate.day("1970-01-01"), 0)
        XCTAssertEqual(ReportDate.day("2024-02-29"), ReportDate.days(year: 2024, month: 2, day: 29))
        XCTAssertNil(ReportDate.day("2023-02-29"), "not a leap year")
        XCTAssertNil(ReportDate.day("03/04/2024"), "ambiguous day/month order is refused")
        XCTAssertNil(ReportDate.day("yesterday"))
        XCTAssertEqual(ReportDate.day("2024-01-03T10:00:00Z"), ReportDate.day("2024/01/03"))
        XCTAssertEqual(ReportDate.day("86400"), 1)
        XCTAssertEqual(ReportDate.day("86400000"), 1000, "eight digits are seconds")
        XCTAssertEqual(ReportDate.day("1704240000000"), ReportDate.day("2024-01-03"), "13 digits are milliseconds")
        for d in [0, 59, 365, 10_000, 19_723, 20_000] { XCTAssertEqual(ReportDate.day(ReportDate.string(d)), d) }
        // 2024-01-03 was a Wednesday; its week starts on Monday 2024-01-01.
        XCTAssertEqual(ReportDate.string(ReportDate.weekStart(ReportDate.day("2024-01-03")!)), "2024-01-01")
        XCTAssertEqual(ReportDate.string(ReportDate.weekStart(ReportDate.day("2024-01-01")!)), "2024-01-01")
        XCTAssertEqual(ReportDate.string(ReportDate.weekStart(ReportDate.day("2023-12-31")!)), "2023-12-25")
    }

    func testLineParser() {
        let p = ReportLineParser()
        func parse(_ s: String) -> ReportLineParser.Parsed { p.parse(Array(s.utf8), line: 7) }
        guard case .record(let r, nil) = parse(#"{"label":"negative","text":"Bad.","product":"A","date":"2024-01-02","aspects":[{"term":"screen","aspect":"screen","polarity":"negative"}]}"#) else {
            return XCTFail("expected a record")
        }
        XCTAssertEqual(r.label, "negative"); XCTAssertEqual(r.product, "A"); XCTAssertEqual(r.aspects.count, 1)
        XCTAssertEqual(r.day, ReportDate.day("2024-01-02")); XCTAssertEqual(r.line, 7)
        guard case .record(let r2, let w?) = parse(#"{"label":"positive","date":"last tuesday"}"#) else { return XCTFail() }
        XCTAssertNil(r2.day); XCTAssertTrue(w.contains("date"))
        guard case .untagged(let u, nil) = parse(#"{"text":"Great phone","product":7}"#) else { return XCTFail() }
        XCTAssertEqual(u.product, "7")
        guard case .invalid(let why) = parse(#"{"product":"A"}"#) else { return XCTFail() }
        XCTAssertTrue(why.contains("text"))
        guard case .invalid = parse("{not json") else { return XCTFail() }
        guard case .invalid = parse(#"{"label":"great"}"#) else { return XCTFail() }
        guard case .invalid = parse(#"{"line":3,"error":"empty text"}"#) else { return XCTFail() }
    }

    static func record(_ label: String, product: String? = nil, date: String? = nil, text: String? = nil,
                       _ aspects: [(String, String)] = []) -> ReviewRecord {
        ReviewRecord(line: 1, label: label, text: text, product: product, day: date.flatMap(ReportDate.day),
                     aspects: aspects.map { .init(aspect: $0.0, term: $0.0, polarity: $0.1) })
    }

    func testAggregation() {
        var a = ReportAggregator()
        a.add(Self.record("positive", product: "A", date: "2024-01-01", [("screen", "positive")]))
        a.add(Self.record("negative", product: "A", date: "2024-01-03", text: "Nice box. The battery died in a day! Sad.",
                          [("battery", "negative"), ("screen", "positive")]))
        a.add(Self.record("negative", product: "B", date: "2024-01-09", text: "Battery poor.", [("battery", "negative")]))
        for i in 0..<4 { a.add(Self.record("negative", product: "C", text: "battery \(i) bad", [("battery", "negative")])) }
        a.add(Self.record("neutral", product: "C", text: "The price is high", [("price", "negative")]))
        let s = a.summary(topComplaints: 5)
        XCTAssertEqual(s.records, 8)
        XCTAssertEqual(s.overall.positive, 1); XCTAssertEqual(s.overall.negative, 6); XCTAssertEqual(s.overall.neutral, 1)
        XCTAssertEqual(s.products.map(\.name), ["C", "A", "B"])
        XCTAssertEqual(s.products[1].counts.positiveShare, 0.5)
        XCTAssertEqual(s.singleReviewProducts, 1)
        XCTAssertEqual(s.aspects.first { $0.name == "screen" }?.counts.positive, 2)
        XCTAssertEqual(s.complaints.map(\.aspect), ["battery", "price"])
        XCTAssertEqual(s.complaints[0].negative, 6)
        XCTAssertEqual(s.complaints[0].examples.count, 3, "three examples at most")
        XCTAssertEqual(s.complaints[0].examples[0], "The battery died in a day!", "the sentence that names the aspect")
        XCTAssertEqual(s.weeks.map(\.week), ["2024-01-01", "2024-01-08"])
        XCTAssertEqual(s.weeks[0].counts.total, 2)
    }

    func testLimitsBoundMemory() {
        var a = ReportAggregator(maxProducts: 5, maxAspects: 3)
        for i in 0..<100 { a.add(Self.record("positive", product: "p\(i)", [("a\(i)", "negative")])) }
        let s = a.summary()
        XCTAssertEqual(s.products.count, 5)
        XCTAssertEqual(s.untrackedProductReviews, 95)
        XCTAssertEqual(s.aspects.count, 3)
        XCTAssertEqual(s.overall.total, 100)
    }

    func testRunWritesFilesAndReportsBadLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl").path
        let lines = [
            #"{"label":"positive","product":"Phone <X>","date":"2024-03-01","text":"Love it","aspects":[{"term":"screen","aspect":"screen","polarity":"positive"}]}"#,
            #"{"label":"negative","product":"Phone <X>","date":"2024-03-09","text":"The battery <b>dies</b>.","aspects":[{"term":"battery","aspect":"battery","polarity":"negative"}]}"#,
            "{broken",
            #"{"product":"Phone <X>"}"#,
            "",
            #"{"label":"negative","product":"Other","date":"soon"}"#,
            #"{"text":"untagged review"}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        var problems: [String] = []
        let base = dir.appendingPathComponent("report").path
        let s = try ReviewReport.run(reader: try LineReader(path: input), options: ReportOptions(),
                                     outputs: ReportOutputs(base: base), makeTagger: nil, problem: { problems.append($0) })
        XCTAssertEqual(s.records, 3)
        XCTAssertEqual(s.invalidRecords, 3)
        XCTAssertTrue(problems.contains { $0.hasSuffix(":3: not a JSON object") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains(":4:") && $0.contains("text") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains(":6:") && $0.contains("date") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains(":7:") && $0.contains("label") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("single review") }, "\(problems)")
        let html = try String(contentsOfFile: base + ".html", encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("Phone &lt;X&gt;"), "product names are escaped")
        XCTAssertTrue(html.contains("&lt;b&gt;dies&lt;/b&gt;"), "examples are escaped")
        XCTAssertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"), "self-contained")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as! [String: Any]
        XCTAssertEqual(json["records"] as? Int, 3)
        XCTAssertEqual((json["overall"] as? [String: Any])?["positive_share"] as? Double ?? -1, 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual((json["weeks"] as? [Any])?.count, 2)
        let csv = try String(contentsOfFile: base + ".csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("section,name,total,positive,negative,neutral,positive_share,examples\noverall,all,3,1,2,0,0.3333,"))
        XCTAssertTrue(csv.contains("\nproduct,Phone <X>,2,1,1,0,0.5000,"))
    }
}
