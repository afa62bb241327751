/// Aspect-term polarity on SemEval-2014 gold terms: each gold term's polarity is
/// predicted from its clause (`AspectExtractor.context`) and compared with the gold.
/// `conflict` terms are left out, as is usual for this task.
public struct AspectPolarityEvaluation: Sendable {
    /// positive / negative / neutral over all non-conflict terms.
    public var threeClass: SentimentMetrics
    /// positive / negative over terms whose gold is positive or negative (no neutral output).
    public var twoClassAccuracy: Double
    /// The same two-class accuracy when the whole sentence is classified instead of the clause.
    public var twoClassSentenceAccuracy: Double
    /// Share of the most frequent gold label (the majority baseline, three classes).
    public var majorityBaseline: Double

    public static func run(sentences: [ABSASentence], model: SentimentModel, extractor: AspectExtractor) -> AspectPolarityEvaluation {
        let labels = ["negative", "neutral", "positive"]
        var gold: [Int] = [], pred: [Int] = []
        var twoRight = 0, twoTotal = 0, sentRight = 0
        let pos = model.labels.firstIndex(of: "positive") ?? 1
        for s in sentences {
            let units = TextUnits(s.text)
            let wholeProbs = model.predict(units: units).probabilities
            let whole = wholeProbs[pos]
            for t in s.terms where t.polarity != "conflict" {
                guard let g = labels.firstIndex(of: t.polarity) else { continue }
                let chars = Array(s.text)
                let from = min(max(0, t.from), chars.count), to = min(max(from, t.to), chars.count)
                let first = TextUnits(String(chars[0..<from])).count
                let count = max(1, TextUnits(String(chars[from..<to])).count)
                guard first < units.count else { continue }
                let ctx = extractor.context(units, first: first, count: min(count, units.count - first))
                let text = AspectExtractor.text(units, ctx)
                let (polarity, _) = extractor.polarity(of: text, model: model, whole: wholeProbs)
                gold.append(g)
                pred.append(labels.firstIndex(of: polarity) ?? 1)
                if t.polarity != "neutral" {
                    twoTotal += 1
                    let c = model.predict(text).probabilities[pos]
                    let p = extractor.clauseWeight * c + (1 - extractor.clauseWeight) * whole
                    if (p >= 0.5) == (t.polarity == "positive") { twoRight += 1 }
                    if (whole >= 0.5) == (t.polarity == "positive") { sentRight += 1 }
                }
            }
        }
        var counts = [0, 0, 0]
        for g in gold { counts[g] += 1 }
        return AspectPolarityEvaluation(
            threeClass: SentimentMetrics(labels: labels, gold: gold, predicted: pred),
            twoClassAccuracy: Double(twoRight) / Double(max(1, twoTotal)),
            twoClassSentenceAccuracy: Double(sentRight) / Double(max(1, twoTotal)),
            majorityBaseline: Double(counts.max() ?? 0) / Double(max(1, gold.count)))
    }
}
