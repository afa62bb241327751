import Foundation

/// A small anger lexicon (zh/en): the fallback urgency scorer when no sentiment model is
/// available, and the anger half of `SentimentUrgency` (review sentiment models cannot tell
/// an angry complaint from a calm one). Score: strong cues (insults, threats, rage) count 1,
/// mild ones (frustration) 0.4 (at most 0.45 together), and intensity (!!!, ???, shouting in capitals, weeks of
/// waiting) adds a little each, capped at 1. Complaint words themselves ("投诉",
/// "complain") are not anger: a calm complaint must not escalate.
public struct LexiconUrgency: UrgencyScoring {
    public var name: String { "lexicon" }

    static let strong: [String] = [
        "骗子", "垃圾", "气死", "气疯", "恶心", "欺诈", "坑人", "黑店", "忍无可忍", "举报", "消协", "12315", "报警",
        "愤怒", "无语", "离谱", "差劲", "什么破", "搞什么", "受够", "烂透", "滚蛋", "再也不", "曝光", "耍我", "骂我",
        "处理个屁", "死了吗", "不然我就", "太过分", "态度恶劣", "一群", "听不懂人话",
        "scam", "fraud", "ridiculous", "unacceptable", "furious", "angry", "worst", "terrible", "disgusting",
        "outrageous", "pathetic", "useless", "rip-off", "ripoff", "lawyer", "sue you", "suing", "report you", "fed up",
        "never again", "horrible", "awful", "wtf", "damn", "sick of", "livid", "is a joke", "what a joke", "joke of a", "crooks", "lied to",
        "chargeback", "infuriating", "kidding me", "done with you", "report this",
    ]
    static let mild: [String] = [
        "太慢", "失望", "不满", "生气", "好烦", "烦死", "一直没", "到底", "怎么回事", "差评", "太差", "敷衍", "踢皮球", "赶紧",
        "说法", "退钱", "又", "第三次", "五次",
        "disappointed", "annoyed", "upset", "frustrated", "still not", "bad service", "not happy", "again",
        "how many times", "nobody", "money back", "right now", "manager",
    ]
    /// Longer waits than a delivery should take: "3 weeks", "半个月", "一个月".
    static let longWait = try! NSRegularExpression(
        pattern: #"(?i)(?:\b(?:\d+|two|three|four|five|six)\s+(?:weeks?|months?)\b|(?:[0-9两三四五六七八九十]+个?(?:星期|礼拜|周|月)|半个月|一个月))"#)

    public init() {}

    public func negativity(_ text: String) -> Float { min(1, rawScore(text)) }

    /// The uncapped sum of cues: several strong cues say more than one (`SentimentUrgency`
    /// lets them outweigh an unsure sentiment model).
    public func rawScore(_ text: String) -> Float {
        // A plain text (ASCII and CJK, most messages) takes byte-exact search; anything else
        // Foundation's, which matches by canonical equivalence (same result on plain text).
        let plain = Self.plainCues && PlainTextSearch.isPlain(text)
        func contains(_ t: String, _ w: String) -> Bool {
            plain ? PlainTextSearch.contains(t, w) : Self.foundationContains(t, w)
        }
        // "麻烦" (please / bother) is politeness, not anger
        let t = plain ? PlainTextSearch.replacing("麻烦", with: "", in: text.lowercased())
                      : text.lowercased().replacingOccurrences(of: "麻烦", with: "")
        var s: Float = 0
        for w in Self.strong where contains(t, w) { s += 1 }
        // frustration alone stays below escalation however many cues pile up ("退款一直没到账，怎么回事")
        s += min(0.45, Float(Self.mild.filter { contains(t, $0) }.count) * 0.4)
        if contains(text, "!!") || contains(text, "！！") || contains(text, "!！") || contains(text, "！!") { s += 0.3 }
        if contains(text, "??") || contains(text, "？？") || contains(text, "?!") || contains(text, "？！") { s += 0.3 }
        let capsWords = text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 4 && $0.allSatisfy { $0.isUppercase } }
        if !capsWords.isEmpty { s += capsWords.count >= 2 ? 0.5 : 0.3 }
        // The long-wait pattern needs "week"/"month" or one of 期 拜 周 月; a plain text without
        // any of them cannot match, so the regex (a bridged ICU pass) is skipped.
        if !plain || Self.longWaitCandidate(t) {
            let ns = text as NSString
            if Self.longWait.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil { s += 0.3 }
        }
        return s
    }

    /// The search this scorer always used (Foundation's, by canonical equivalence).
    static func foundationContains(_ t: String, _ w: String) -> Bool { t.contains(w) }

    /// Every cue is plain text, so the byte-exact path may be used (checked once).
    static let plainCues = (strong + mild + ["麻烦", "!!", "！！", "!！", "！!", "??", "？？", "?!", "？！"]).allSatisfy(PlainTextSearch.isPlain)

    /// `lowered` (the lower-cased plain text) could hold a `longWait` match.
    static func longWaitCandidate(_ lowered: String) -> Bool {
        for cue in ["week", "month", "期", "拜", "周", "月"] where PlainTextSearch.contains(lowered, cue) { return true }
        return false
    }
}
