/// Recognises short follow-ups that refer back to the previous request — "and the other
/// order?", "what about 2024…?", "那另一个订单呢", "这个呢" — so they reuse the last intent
/// instead of being classified on their own (they carry no intent words).
public struct FollowUpDetector: Sendable {
    /// Cues meaning "a different one than before": the remembered slot value is dropped.
    public var otherCues = ["另一个", "另外一个", "另一单", "另外那个", "别的订单", "其他订单", "第二个订单",
                            "the other", "another order", "other one", "second order", "my other"]
    /// Cues of a follow-up question in general.
    public var cues = ["呢", "那个", "还有", "and what about", "what about", "how about", "and the", "and for", "same for", "and order",
                       "and this", "and that"]
    /// Longer messages are treated as new requests.
    public var maxLength = 40

    public init() {}

    /// Whether the message looks like a follow-up, and whether it asks about a *different* item.
    public func analyse(_ text: String) -> (isFollowUp: Bool, other: Bool) {
        let t = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.count <= maxLength else { return (false, false) }
        let other = otherCues.contains { t.contains($0) }
        if other { return (true, true) }
        let startsWithAnd = t.hasPrefix("and ") || t.hasPrefix("what about") || t.hasPrefix("how about") || t.hasPrefix("那")
        let endsWithNe = t.hasSuffix("呢") || t.hasSuffix("呢?") || t.hasSuffix("呢？")
        return (startsWithAnd || endsWithNe, false)
    }
}

import Foundation
