import Foundation

/// Scores found aspects against a hand-annotated clause set (`Corpora/aspects/eval`).
///
/// Extraction, term level, counted per clause (each gold term once):
/// - `exact`: a found term matches a gold term when the two are the same term after
///   normalisation (case, full width, spaces) — the whole span, no more, no less;
/// - `lenient`: additionally, a found term left unmatched matches a gold term left unmatched
///   when their unit spans overlap (`包装` found inside gold `外包装`).
/// Polarity: positive / negative / neutral over the pairs both gold and found (`polarity`
/// over exact pairs, `polarityLenient` over lenient pairs), by `SentimentMetrics` (the
/// arithmetic of `ClassificationMetrics`). `polarityGivenGold`, when given, is the polarity
/// the tagger's rule assigns to every gold term, which separates polarity errors from
/// extraction errors.
public struct AspectSetScore: Sendable {
    public static let labels = ["negative", "neutral", "positive"]

    public var clauses: Int
    public var exact: TermExtractionScore
    public var lenient: TermExtractionScore
    public var polarity: SentimentMetrics
    public var polarityLenient: SentimentMetrics
    public var polarityGivenGold: SentimentMetrics?

    /// `found[i]` are the mentions found in `clauses[i]` (units of `TextUnits(clause)`);
    /// `givenGold[i][k]`, when given, the polarity assigned to `clauses[i].terms[k]`.
    public static func score(_ clauses: [AspectGoldClause], found: [[AspectMention]], givenGold: [[String]]? = nil) -> AspectSetScore {
        precondition(found.count == clauses.count, "one list of found mentions per clause")
        var exact = TermExtractionScore(), lenient = TermExtractionScore()
        var goldExact: [Int] = [], predExact: [Int] = [], goldLenient: [Int] = [], predLenient: [Int] = []
        func index(_ label: String) -> Int { labels.firstIndex(of: label) ?? 1 }
        for (c, mentions) in zip(clauses, found) {
            let units = TextUnits(c.clause)
            var goldLeft = Array(c.terms.indices), foundLeft = Array(mentions.indices)
            var pairs: [(gold: Int, pred: Int)] = []
            for f in mentions.indices {
                let k = termKey(mentions[f].term)
                if let g = goldLeft.first(where: { termKey(c.terms[$0].term) == k }) {
                    goldLeft.removeAll { $0 == g }
                    foundLeft.removeAll { $0 == f }
                    pairs.append((index(c.terms[g].polarity), index(mentions[f].polarity)))
                }
            }
            exact.correct += pairs.count
            goldExact += pairs.map(\.gold); predExact += pairs.map(\.pred)
            for f in foundLeft {
                let m = mentions[f]
                let r = m.firstUnit..<(m.firstUnit + max(1, m.unitCount))
                if let g = goldLeft.first(where: { spans(of: c.terms[$0].term, in: units).contains { $0.overlaps(r) } }) {
                    goldLeft.removeAll { $0 == g }
                    pairs.append((index(c.terms[g].polarity), index(m.polarity)))
                }
            }
            lenient.correct += pairs.count
            goldLenient += pairs.map(\.gold); predLenient += pairs.map(\.pred)
            exact.predicted += mentions.count; exact.gold += c.terms.count
            lenient.predicted += mentions.count; lenient.gold += c.terms.count
        }
        var given: SentimentMetrics? = nil
        if let givenGold {
            var g: [Int] = [], p: [Int] = []
            for (c, pols) in zip(clauses, givenGold) {
                for (t, pol) in zip(c.terms, pols) { g.append(index(t.polarity)); p.append(index(pol)) }
            }
            given = SentimentMetrics(labels: labels, gold: g, predicted: p)
        }
        return AspectSetScore(clauses: clauses.count, exact: exact, lenient: lenient,
                              polarity: SentimentMetrics(labels: labels, gold: goldExact, predicted: predExact),
                              polarityLenient: SentimentMetrics(labels: labels, gold: goldLenient, predicted: predLenient),
                              polarityGivenGold: given)
    }

    /// The comparison key of a term: `AspectLexicon.key` without spaces.
    static func termKey(_ term: String) -> String {
        String(AspectLexicon.key(term).unicodeScalars.filter { $0 != " " }.map(Character.init))
    }

    /// Every unit range of `units` spelling `term` (as `TextUnits` cuts and normalises it).
    public static func spans(of term: String, in units: TextUnits) -> [Range<Int>] {
        let t = TextUnits(term)
        guard t.count > 0, t.count <= units.count else { return [] }
        let want = (0..<t.count).map { t.text($0) }
        return (0...(units.count - t.count)).filter { s in (0..<t.count).allSatisfy { units.text(s + $0) == want[$0] } }
            .map { $0..<($0 + t.count) }
    }

    /// The figures as one JSON object: `extraction_precision/recall/f1` (exact), the same
    /// under `lenient`, `accuracy` / `macro_f1` / `per_class` / `confusion` of the polarity
    /// over exact pairs, and `polarity_lenient`, `polarity_given_gold` in the same shape.
    public var json: String {
        func extraction(_ s: TermExtractionScore) -> String {
            "{\"precision\":\(s.precision),\"recall\":\(s.recall),\"f1\":\(s.f1),\"correct\":\(s.correct),\"found\":\(s.predicted),\"gold\":\(s.gold)}"
        }
        func metrics(_ m: SentimentMetrics) -> String {
            var out = "{\"count\":\(m.count),\"accuracy\":\(m.accuracy),\"macro_f1\":\(m.macroF1),\"per_class\":{"
            out += m.perClass.map { "\"\($0.label)\":{\"precision\":\($0.precision),\"recall\":\($0.recall),\"f1\":\($0.f1),\"support\":\($0.support)}" }
                .joined(separator: ",")
            return out + "},\"confusion\":\(m.confusion),\"labels\":[\(m.labels.map { "\"\($0)\"" }.joined(separator: ","))]}"
        }
        var out = "{\"clauses\":\(clauses),\"gold_terms\":\(exact.gold),\"found_terms\":\(exact.predicted)"
        out += ",\"extraction_precision\":\(exact.precision),\"extraction_recall\":\(exact.recall),\"extraction_f1\":\(exact.f1)"
        out += ",\"extraction\":{\"exact\":\(extraction(exact)),\"lenient\":\(extraction(lenient))}"
        out += ",\"accuracy\":\(polarity.accuracy),\"macro_f1\":\(polarity.macroF1),\"polarity\":\(metrics(polarity))"
        out += ",\"polarity_lenient\":\(metrics(polarityLenient))"
        if let polarityGivenGold { out += ",\"polarity_given_gold\":\(metrics(polarityGivenGold))" }
        return out + "}"
    }

    /// A plain-text report for people.
    public var report: String {
        func pct(_ x: Double) -> String { String(format: "%.2f", x * 100) }
        var s = "clauses \(clauses), gold terms \(exact.gold), found terms \(exact.predicted)\n"
        s += "extraction, exact span:   P \(pct(exact.precision))  R \(pct(exact.recall))  F1 \(pct(exact.f1))  (\(exact.correct) matched)\n"
        s += "extraction, span overlap: P \(pct(lenient.precision))  R \(pct(lenient.recall))  F1 \(pct(lenient.f1))  (\(lenient.correct) matched)\n"
        s += "\npolarity over exact matches (\(polarity.count) terms both gold and found):\n" + polarity.report
        s += "\npolarity over overlap matches (\(polarityLenient.count) terms): accuracy \(pct(polarityLenient.accuracy))%, macro-F1 \(pct(polarityLenient.macroF1))\n"
        if let g = polarityGivenGold {
            s += "polarity of every gold term by the tagger's rule (\(g.count) terms): accuracy \(pct(g.accuracy))%, macro-F1 \(pct(g.macroF1))\n"
        }
        return s
    }
}
