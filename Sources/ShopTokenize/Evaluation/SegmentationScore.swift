/// Span-based word segmentation scores (the SIGHAN bakeoff measure): a predicted word is
/// correct when a gold word has exactly the same character span.
public struct SegmentationScore: Sendable, CustomStringConvertible {
    public var goldWords = 0
    public var predictedWords = 0
    public var correctWords = 0
    /// Gold words not in the training lexicon, and how many of them were found.
    public var oovGold = 0
    public var oovCorrect = 0
    public var ivGold = 0
    public var ivCorrect = 0
    /// Lines whose characters differ between prediction and gold (scored as all wrong).
    public var mismatchedLines = 0

    public init() {}

    public var precision: Double { predictedWords == 0 ? 0 : Double(correctWords) / Double(predictedWords) }
    public var recall: Double { goldWords == 0 ? 0 : Double(correctWords) / Double(goldWords) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var oovRecall: Double? { oovGold == 0 ? nil : Double(oovCorrect) / Double(oovGold) }
    public var ivRecall: Double? { ivGold == 0 ? nil : Double(ivCorrect) / Double(ivGold) }
    public var oovRate: Double { goldWords == 0 ? 0 : Double(oovGold) / Double(goldWords) }

    /// Adds one line. Words are compared by their spans over the line's non-space characters;
    /// `lexicon` (when given) splits recall into in-vocabulary and out-of-vocabulary words.
    public mutating func add(predicted: [String], gold: [String], lexicon: Set<String>? = nil) {
        let p = Self.spans(predicted)
        let g = Self.spans(gold)
        goldWords += g.spans.count
        predictedWords += p.spans.count
        if p.length != g.length { mismatchedLines += 1 }
        let predictedSet = Set(p.spans.map { $0.0 << 32 | $0.1 })
        for (k, span) in g.spans.enumerated() {
            let hit = p.length == g.length && predictedSet.contains(span.0 << 32 | span.1)
            if hit { correctWords += 1 }
            if let lexicon {
                if lexicon.contains(gold[g.indices[k]]) { ivGold += 1; if hit { ivCorrect += 1 } }
                else { oovGold += 1; if hit { oovCorrect += 1 } }
            }
        }
    }

    public mutating func merge(_ other: SegmentationScore) {
        goldWords += other.goldWords; predictedWords += other.predictedWords; correctWords += other.correctWords
        oovGold += other.oovGold; oovCorrect += other.oovCorrect; ivGold += other.ivGold; ivCorrect += other.ivCorrect
        mismatchedLines += other.mismatchedLines
    }

    /// (start, end) in Unicode scalars, whitespace removed; `indices` maps back to words.
    private static func spans(_ words: [String]) -> (spans: [(Int, Int)], indices: [Int], length: Int) {
        var out: [(Int, Int)] = []
        var idx: [Int] = []
        var pos = 0
        for (i, w) in words.enumerated() {
            let n = w.unicodeScalars.reduce(0) { $0 + (CharClass.isWhitespace($1.value) ? 0 : 1) }
            if n == 0 { continue }
            out.append((pos, pos + n))
            idx.append(i)
            pos += n
        }
        return (out, idx, pos)
    }

    public var description: String {
        var s = "P \(Self.fmt(precision))  R \(Self.fmt(recall))  F1 \(Self.fmt(f1))"
        if let oov = oovRecall, let iv = ivRecall {
            s += "  OOV-rate \(Self.fmt(oovRate))  OOV-R \(Self.fmt(oov))  IV-R \(Self.fmt(iv))"
        }
        s += "  (gold \(goldWords), predicted \(predictedWords), correct \(correctWords))"
        if mismatchedLines > 0 { s += "  [\(mismatchedLines) lines with differing characters]" }
        return s
    }

    static func fmt(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 1000
        var s = String(v)
        while s.count < 5 { s += "0" }
        return s
    }
}
