import ShopCore

/// A small aspect + opinion lexicon for plain review text (when reviews come without the
/// sentiment tagger's aspects). An aspect counts as praised in a review when a clause
/// names it together with a positive word and no negation or negative word.
/// Why not ShopSentiment's extractor: `describe` runs at catalogue scale without loading the
/// sentiment and aspect models (ShopCopywriting does not depend on ShopSentiment), and it only
/// needs the few aspects a blurb can praise; reviews tagged by `sentiment tag --aspects` keep
/// the tagger's aspects instead (`ReviewReader`).
public enum AspectLexicon {
    /// Aspect name → words that refer to it.
    static let zhAspects: [(String, [String])] = [
        ("面料", ["面料", "布料", "料子", "材质"]), ("做工", ["做工", "走线", "线头", "工艺"]),
        ("版型", ["版型", "剪裁", "裁剪", "上身"]), ("颜色", ["颜色", "色差", "颜值"]),
        ("尺码", ["尺码", "码数", "大小", "尺寸"]), ("质量", ["质量", "品质", "质感"]),
        ("穿着舒适度", ["舒服", "舒适", "透气", "柔软"]), ("物流", ["物流", "发货", "快递"]),
        ("性价比", ["性价比", "价格", "价钱", "划算"]), ("包装", ["包装"]),
    ]
    static let enAspects: [(String, [String])] = [
        ("battery life", ["battery"]), ("build quality", ["quality", "build", "sturdy", "durable"]),
        ("sound", ["sound", "audio"]), ("size", ["size", "fit", "fits"]), ("price", ["price", "value", "money"]),
        ("design", ["design", "look", "looks", "color", "colour"]), ("ease of use", ["easy", "instructions", "setup"]),
        ("comfort", ["comfortable", "comfort", "soft"]), ("shipping", ["shipping", "arrived", "delivery"]),
        ("packaging", ["packaging", "package", "box"]),
    ]
    static let zhPositive = ["好", "不错", "喜欢", "满意", "舒服", "舒适", "漂亮", "好看", "精致", "柔软", "透气", "合适", "合身", "划算", "快", "赞", "值"]
    static let zhNegative = ["差", "不好", "失望", "难看", "起球", "掉色", "褪色", "色差", "线头", "偏大", "偏小", "慢", "退货", "粗糙", "一般"]
    static let zhNegators = ["不", "没", "没有", "别"]
    static let enPositive: Set<String> = ["good", "great", "love", "loves", "loved", "excellent", "nice", "fun", "sturdy", "durable", "easy",
                                          "comfortable", "beautiful", "amazing", "awesome", "happy", "well", "fast", "soft", "solid", "recommend"]
    static let enNegative: Set<String> = ["bad", "poor", "broke", "broken", "cheap", "flimsy", "disappointed", "terrible", "awful", "hard",
                                          "difficult", "slow", "returned", "waste", "small", "missing", "defective"]
    static let enNegators: Set<String> = ["not", "no", "never", "don't", "didn't", "doesn't", "isn't", "wasn't", "won't", "hardly"]

    /// Aspect opinions in a plain review text. An aspect named in a clause without a clear
    /// opinion counts as mentioned but not praised ("质量不怎么样" is no praise).
    public static func mentions(in text: String, language: Language) -> [AspectMention] {
        var result: [String: Bool] = [:]   // aspect → positive (a negative or unclear clause wins)
        for (clause, polarity) in clausePolarities(text, language: language) {
            let aspects = language == .zh ? zhAspects : enAspects
            let lowered = clause.lowercased()
            for (name, cues) in aspects where cues.contains(where: { language == .zh ? lowered.contains($0) : wordIn(lowered, $0) }) {
                result[name] = (result[name] ?? true) && polarity > 0
            }
        }
        return result.keys.sorted().map { AspectMention(aspect: $0, positive: result[$0]!) }
    }

    /// Whether the review as a whole is negative: more negative clauses than positive ones.
    public static func isNegative(_ text: String, language: Language) -> Bool {
        var pos = 0, neg = 0
        for (_, p) in clausePolarities(text, language: language) { if p > 0 { pos += 1 } else if p < 0 { neg += 1 } }
        return neg > pos
    }

    /// Each clause with its polarity: 1, -1 or 0.
    static func clausePolarities(_ text: String, language: Language) -> [(String, Int)] {
        let clauses = text.split(whereSeparator: { "，。！？；,.!?;\n".contains($0) }).map(String.init)
        var out: [(String, Int)] = []
        for clause in clauses {
            let polarity: Int
            let aspects: [(String, [String])]
            switch language {
            case .zh:
                aspects = zhAspects
                let neg = zhNegative.contains { clause.contains($0) }
                let negated = zhNegators.contains { n in zhPositive.contains { clause.contains(n + $0) } }
                let pos = zhPositive.contains { clause.contains($0) }
                polarity = neg || negated ? -1 : (pos ? 1 : 0)
            case .en:
                aspects = enAspects
                let words = clause.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init)
                var p = 0
                for (i, w) in words.enumerated() {
                    let negated = i > 0 && enNegators.contains(words[i - 1]) || i > 1 && enNegators.contains(words[i - 2])
                    if enPositive.contains(w) { p += negated ? -1 : 1 }
                    if enNegative.contains(w) { p -= negated ? 0 : 1 }
                }
                polarity = p > 0 ? 1 : (p < 0 ? -1 : 0)
            }
            _ = aspects
            out.append((clause, polarity))
        }
        return out
    }

    private static func wordIn(_ text: String, _ word: String) -> Bool {
        text.split(whereSeparator: { !($0.isLetter || $0 == "'") }).contains { $0 == word }
    }
}
