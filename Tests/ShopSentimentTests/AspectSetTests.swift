import XCTest
@testable import ShopSentiment

/// The Chinese aspect evaluation set: its reader and its scorer. Expected figures are
/// worked out by hand in the comments, not by the code under test.
final class AspectSetTests: XCTestCase {
    static let header = "id\tsource\tline\tcategory\tclause\taspects\n"

    func testReaderParsesTermsAndEmptyRows() throws {
        let text = Self.header
            + "zh-1\tx/train.tsv\t12\t手机\t屏幕很好，电池不行\t屏幕:positive:屏幕;电池:negative:电池\n"
            + "zh-2\tx/train.tsv\t3\t-\t还不错\t-\n"
        let set = try AspectGoldReader.parse(text, file: "t.tsv")
        XCTAssertEqual(set.count, 2)
        XCTAssertEqual(set[0].line, 12)
        XCTAssertEqual(set[0].terms, [AspectGoldTerm(term: "屏幕", polarity: "positive", category: "屏幕"),
                                      AspectGoldTerm(term: "电池", polarity: "negative", category: "电池")])
        XCTAssertEqual(set[1].terms, [])
    }

    /// A bad row is an error naming the file, the line and the field.
    func testReaderErrorsNameFileLineAndField() {
        func error(_ body: String, header: String = AspectSetTests.header) -> String {
            do { _ = try AspectGoldReader.parse(header + body, file: "eval/zh.tsv"); return "no error" } catch { return "\(error)" }
        }
        let good = "zh-1\tx/train.tsv\t1\t-\t屏幕很好\t屏幕:positive:屏幕\n"
        var e = error(good + "zh-2\tx/train.tsv\t2\t-\t电池不行\t电池:bad:电池\n")
        XCTAssertTrue(e.hasPrefix("eval/zh.tsv:3:"), e)
        XCTAssertTrue(e.contains("field aspects") && e.contains("bad"), e)
        e = error(good + "zh-2\tx/train.tsv\t2\t-\t电池不行\t屏幕:positive:屏幕\n")
        XCTAssertTrue(e.hasPrefix("eval/zh.tsv:3:") && e.contains("field aspects") && e.contains("not in the clause"), e)
        e = error("zh-1\tx/train.tsv\tten\t-\t屏幕很好\t-\n")
        XCTAssertTrue(e.hasPrefix("eval/zh.tsv:2:") && e.contains("field line"), e)
        e = error("zh-1\tx/train.tsv\t1\t屏幕很好\t-\n")
        XCTAssertTrue(e.hasPrefix("eval/zh.tsv:2:") && e.contains("field columns"), e)
        e = error(good + good)
        XCTAssertTrue(e.hasPrefix("eval/zh.tsv:3:") && e.contains("field id"), e)
        e = error("zh-1\tx/train.tsv\t1\t-\t屏幕很好\t屏幕-positive\n")
        XCTAssertTrue(e.contains("field aspects") && e.contains("term:polarity:category"), e)
        e = error(good, header: "id\tclause\n")
        XCTAssertTrue(e.hasPrefix("eval/zh.tsv:1:") && e.contains("field header"), e)
    }

    static func mention(_ term: String, _ first: Int, _ polarity: String) -> AspectMention {
        AspectMention(term: term, aspect: term, polarity: polarity, score: 1, firstUnit: first, unitCount: term.count)
    }

    /// Five clauses, 6 gold terms, 6 found:
    /// A 屏幕很好，电池不行  gold 屏幕+ 电池-   found 屏幕+ 电池+   (2 exact, polarity 1 of 2 right)
    /// B 物流很快，外包装破了 gold 物流+ 外包装- found 物流+ 包装-   (1 exact; 包装 overlaps 外包装)
    /// C 客服态度好          gold 客服+        found 客服+ 态度+   (1 exact; 态度 matches nothing)
    /// D 还不错              gold none         found none
    /// E 价格便宜            gold 价格+        found none
    /// exact: P = R = 4/6; lenient: P = R = 5/6.
    /// Polarity over exact pairs (gold→found): +→+, -→+, +→+, +→+: accuracy 3/4;
    ///   positive P 3/4 R 3/3 F1 6/7, negative P 0 R 0 F1 0, neutral has no gold: macro-F1 = 3/7.
    /// Over lenient pairs add -→- (外包装): accuracy 4/5; positive F1 6/7, negative P 1/1 R 1/2
    ///   F1 2/3: macro-F1 = (6/7 + 2/3) / 2 = 16/21.
    func testScorerOnHandMadeSet() throws {
        let text = Self.header
            + "A\ts\t1\t-\t屏幕很好，电池不行\t屏幕:positive:x;电池:negative:x\n"
            + "B\ts\t1\t-\t物流很快，外包装破了\t物流:positive:x;外包装:negative:x\n"
            + "C\ts\t1\t-\t客服态度好\t客服:positive:x\n"
            + "D\ts\t1\t-\t还不错\t-\n"
            + "E\ts\t1\t-\t价格便宜\t价格:positive:x\n"
        let set = try AspectGoldReader.parse(text, file: "t.tsv")
        let m = Self.mention
        let found = [[m("屏幕", 0, "positive"), m("电池", 5, "positive")],
                     [m("物流", 0, "positive"), m("包装", 6, "negative")],
                     [m("客服", 0, "positive"), m("态度", 2, "positive")],
                     [], []]
        let s = AspectSetScore.score(set, found: found, givenGold: [["positive", "negative"], ["positive", "neutral"], ["positive"], [], ["negative"]])
        XCTAssertEqual(s.exact.gold, 6); XCTAssertEqual(s.exact.predicted, 6); XCTAssertEqual(s.exact.correct, 4)
        XCTAssertEqual(s.exact.precision, 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(s.exact.recall, 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(s.exact.f1, 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(s.lenient.correct, 5)
        XCTAssertEqual(s.lenient.f1, 5.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(s.polarity.count, 4)
        XCTAssertEqual(s.polarity.accuracy, 0.75, accuracy: 1e-12)
        XCTAssertEqual(s.polarity.macroF1, 3.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(s.polarityLenient.count, 5)
        XCTAssertEqual(s.polarityLenient.accuracy, 0.8, accuracy: 1e-12)
        XCTAssertEqual(s.polarityLenient.macroF1, 16.0 / 21, accuracy: 1e-12)
        // Given gold: 4 of 6 right (外包装 given neutral and 价格 given negative are the two wrong).
        XCTAssertEqual(s.polarityGivenGold?.count, 6)
        XCTAssertEqual(s.polarityGivenGold?.accuracy ?? 0, 4.0 / 6, accuracy: 1e-12)
        // The JSON carries the same figures under the documented keys.
        let json = try JSONSerialization.jsonObject(with: Data(s.json.utf8)) as? [String: Any]
        XCTAssertEqual(json?["extraction_f1"] as? Double ?? -1, 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(json?["macro_f1"] as? Double ?? -1, 3.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(((json?["extraction"] as? [String: Any])?["lenient"] as? [String: Any])?["correct"] as? Int, 5)
    }

    /// A term found twice in the gold is matched once; spans follow the tokenizer's units.
    func testSpansFollowUnits() {
        let u = TextUnits("装了WindowsXP系统，系统很快")
        XCTAssertEqual(AspectSetScore.spans(of: "系统", in: u), [3..<5, 6..<8])
        XCTAssertEqual(AspectSetScore.spans(of: "windowsxp系统", in: u), [2..<5])
    }

    /// End to end with the toy model and a two-term lexicon: both terms found, both polarities right.
    func testRunUsesTheTaggerPath() throws {
        let text = Self.header + "A\ts\t1\t-\t屏幕很好，但是电池太差了\t屏幕:positive:x;电池:negative:x\n"
        let set = try AspectGoldReader.parse(text, file: "t.tsv")
        let s = AspectSetEvaluation.run(set, extractor: AspectTests.lexicon, chooser: ModelChooser(model: try ToyCorpus.model()))
        XCTAssertEqual(s.exact.correct, 2)
        XCTAssertEqual(s.exact.f1, 1, accuracy: 1e-12)
        XCTAssertEqual(s.polarity.accuracy, 1, accuracy: 1e-12)
        XCTAssertEqual(s.polarityGivenGold?.accuracy ?? 0, 1, accuracy: 1e-12)
    }
}
