/// A small anger lexicon (zh/en): the fallback urgency scorer when no sentiment model is
/// available, and a second opinion next to it (sentiment models trained on product reviews
/// miss service-specific anger like "scam" or "投诉"). Score: strong cues count 1, mild 0.5,
/// exclamation runs and all-caps words add a little, capped at 1.
public struct LexiconUrgency: UrgencyScoring {
    public var name: String { "lexicon" }

    static let strong: [String] = [
        "投诉", "骗子", "垃圾", "气死", "太差", "恶心", "欺诈", "坑人", "黑店", "忍无可忍", "举报", "消协", "12315",
        "退钱", "愤怒", "无语", "离谱", "差劲", "什么破", "搞什么", "受够", "烂透", "滚", "再也不",
        "scam", "fraud", "ridiculous", "unacceptable", "furious", "angry", "worst", "terrible", "disgusting",
        "outrageous", "pathetic", "useless", "rip-off", "ripoff", "lawyer", "sue you", "report you", "fed up",
        "never again", "horrible", "awful", "wtf", "damn", "sick of", "livid", "joke of a",
    ]
    static let mild: [String] = [
        "太慢", "失望", "不满", "生气", "烦", "一直没", "到底", "怎么回事", "还没", "差评",
        "disappointed", "annoyed", "upset", "frustrated", "still not", "again", "bad service", "not happy",
    ]

    public init() {}

    public func negativity(_ text: String) -> Float {
        let t = text.lowercased()
        var s: Float = 0
        for w in Self.strong where t.contains(w) { s += 1 }
        for w in Self.mild where t.contains(w) { s += 0.5 }
        if text.contains("!!") || text.contains("！！") { s += 0.3 }
        let capsWords = text.split(separator: " ").filter { $0.count >= 4 && $0.allSatisfy { $0.isUppercase } }
        if !capsWords.isEmpty { s += 0.3 }
        return min(1, s)
    }
}
