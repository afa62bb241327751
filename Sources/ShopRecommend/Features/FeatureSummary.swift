import Foundation

/// Per-item and per-user views of the interaction features, for other teams' recommenders.
public struct ItemSentimentSummary: Sendable, Equatable {
    public var item: String
    public var reviews = 0
    public var meanPositive = 0.0
    public var sharePositive = 0.0
    /// Aspect → (positive mentions, negative mentions).
    public var aspects: [String: (positive: Int, negative: Int)] = [:]

    public static func == (a: Self, b: Self) -> Bool {
        a.item == b.item && a.reviews == b.reviews && a.meanPositive == b.meanPositive && a.sharePositive == b.sharePositive
    }
}

public struct UserSentimentSummary: Sendable, Equatable {
    public var user: String
    public var reviews = 0
    public var meanStars = 0.0
    public var meanPositive = 0.0
    /// Mean of (stars mapped to [0,1]) − P(positive): > 0 for users whose words are harsher
    /// than their stars, < 0 for users who rate low but write kindly.
    public var starTextGap = 0.0
}

public enum FeatureSummary {
    public static func items(_ features: [InteractionFeature]) -> [ItemSentimentSummary] {
        var byItem: [String: ItemSentimentSummary] = [:], order: [String] = []
        for f in features {
            guard let p = f.positive else { continue }
            if byItem[f.item] == nil { order.append(f.item); byItem[f.item] = ItemSentimentSummary(item: f.item) }
            var s = byItem[f.item]!
            s.reviews += 1
            s.meanPositive += Double(p)
            if p >= 0.5 { s.sharePositive += 1 }
            for (term, polarity) in f.aspects ?? [:] {
                var c = s.aspects[term] ?? (0, 0)
                if polarity == "positive" { c.positive += 1 } else if polarity == "negative" { c.negative += 1 }
                s.aspects[term] = c
            }
            byItem[f.item] = s
        }
        return order.map { id in
            var s = byItem[id]!
            s.meanPositive /= Double(s.reviews); s.sharePositive /= Double(s.reviews)
            return s
        }
    }

    public static func users(_ features: [InteractionFeature]) -> [UserSentimentSummary] {
        var byUser: [String: UserSentimentSummary] = [:], order: [String] = []
        for f in features {
            guard let p = f.positive, let r = f.rating else { continue }
            if byUser[f.user] == nil { order.append(f.user); byUser[f.user] = UserSentimentSummary(user: f.user) }
            byUser[f.user]!.reviews += 1
            byUser[f.user]!.meanStars += Double(r)
            byUser[f.user]!.meanPositive += Double(p)
            byUser[f.user]!.starTextGap += Double(min(max((r - 1) / 4, 0), 1) - p)
        }
        return order.map { id in
            var s = byUser[id]!
            let n = Double(s.reviews)
            s.meanStars /= n; s.meanPositive /= n; s.starTextGap /= n
            return s
        }
    }

    /// CSV (RFC 4180 quoting where needed).
    public static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
