import Foundation
import ShopCore

/// Reads a short answer to a yes/no question ("是的", "对", "yes", "nope"); anything else is
/// not an answer (nil) and the message is handled as a new request.
public struct YesNoDetector: Sendable {
    public var yes = ["是的", "是", "对的", "对", "没错", "嗯嗯", "嗯", "好的", "好", "确认", "可以", "行", "就是它", "就是这个", "是这个",
                      "yes please", "yes", "yeah", "yep", "yup", "correct", "right", "sure", "ok", "okay", "that's it",
                      "that's the one", "that one", "confirm", "go ahead", "y"]
    public var no = ["不是", "不对", "不用", "不要", "不", "错了", "算了", "别", "不是这个",
                     "no thanks", "no", "nope", "nah", "wrong", "not that one", "not that", "don't", "cancel that", "n"]
    /// Starts that look like a cue but are not an answer ("no idea", "不知道").
    public var notAnswers = ["no idea", "not sure", "no clue", "不知道", "不清楚", "不记得", "忘了"]
    /// Longer messages are new requests, not answers.
    public var maxLength = 24

    public init() {}

    /// true = yes, false = no, nil = not an answer.
    public func read(_ text: String) -> Bool? {
        let t = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: "!！.。,，?？~～ "))
        guard !t.isEmpty, t.count <= maxLength, !notAnswers.contains(where: { t.hasPrefix($0) }) else { return nil }
        if matches(t, no) { return false }
        if matches(t, yes) { return true }
        return nil
    }

    /// The whole answer is a cue, or starts with one followed by a separator ("yes, that one").
    private func matches(_ t: String, _ cues: [String]) -> Bool {
        for c in cues {
            if t == c { return true }
            guard t.hasPrefix(c) else { continue }
            let next = t[t.index(t.startIndex, offsetBy: c.count)]
            let cjk = c.unicodeScalars.first.map(Han.isCJK) ?? false
            if next == " " || next == "," || next == "，" || next == "!" || next == "！" || (cjk && next.unicodeScalars.first.map(Han.isCJK) == true && c.count >= 2) {
                return true
            }
        }
        return false
    }
}
