/// Maps the labels the data has (`0`/`1`, star ratings, names) to the labels a model
/// predicts (`negative`, `neutral`, `positive`, or the raw label for other tasks).
public struct LabelMapping: Sendable, Codable, Equatable {
    /// Read numeric labels as star ratings: 1–2 negative, 4–5 positive, 3 neutral/dropped.
    public var starsToPolarity: Bool
    /// With `starsToPolarity`, keep 3 stars as `neutral` instead of dropping it.
    public var keepNeutral: Bool

    public init(starsToPolarity: Bool = false, keepNeutral: Bool = false) {
        self.starsToPolarity = starsToPolarity
        self.keepNeutral = keepNeutral
    }

    /// The model label for `raw`, or nil when the example is to be dropped.
    public func map(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if s.isEmpty { return nil }
        if starsToPolarity, let stars = Double(s) {
            if stars <= 2 { return "negative" }
            if stars >= 4 { return "positive" }
            return keepNeutral ? "neutral" : nil
        }
        switch s {
        case "0", "neg", "negative", "-1": return "negative"
        case "1", "pos", "positive", "+1": return "positive"
        case "neutral", "neu": return "neutral"
        default: return s
        }
    }

    /// A stable label order: negative, neutral, positive, then any others sorted.
    public static func order(_ labels: Set<String>) -> [String] {
        let polar = ["negative", "neutral", "positive"].filter { labels.contains($0) }
        return polar + labels.subtracting(polar).sorted()
    }
}

import Foundation
