import Foundation
import ShopCore

/// A bag of weighted terms describing an item by its text (reviews or description), for
/// cold start: an item nobody has interacted with is placed among the items whose text
/// it resembles. Terms are lower-cased Latin/digit words plus Han character bigrams, so it
/// works for both languages without loading the tokeniser model.
public struct TextProfile: Sendable, Codable, Equatable {
    /// Term → weight, L2-normalised.
    public var weights: [String: Float]

    public init(weights: [String: Float]) { self.weights = weights }

    /// Raw term counts of a text.
    public static func terms(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = ""
        var previousHan: Character?
        func flush() { if word.count > 1 { counts[word, default: 0] += 1 }; word = "" }
        for ch in text.lowercased() {
            let isHan = ch.unicodeScalars.first.map { Han.isCommon($0.value) } ?? false
            if isHan {
                flush()
                if let p = previousHan { counts[String([p, ch]), default: 0] += 1 }
                previousHan = ch
            } else {
                previousHan = nil
                if ch.isLetter || ch.isNumber { word.append(ch) } else { flush() }
            }
        }
        flush()
        return counts
    }

    /// TF-IDF profiles of `texts` (one per item), keeping the `top` heaviest terms each.
    public static func build(_ texts: [String], top: Int = 64) -> (profiles: [TextProfile], idf: [String: Float]) {
        let counts = texts.map(terms)
        var df: [String: Int] = [:]
        for c in counts { for t in c.keys { df[t, default: 0] += 1 } }
        let n = Float(max(1, texts.count))
        let idf = df.mapValues { log((n + 1) / (Float($0) + 1)) + 1 }
        return (counts.map { profile($0, idf: idf, top: top) }, idf)
    }

    /// The profile of one new text against a fixed IDF table (unknown terms are ignored).
    public static func profile(_ counts: [String: Int], idf: [String: Float], top: Int = 64) -> TextProfile {
        var w: [(String, Float)] = counts.compactMap { t, c in idf[t].map { (t, (1 + log(Float(c))) * $0) } }
        w.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        w = Array(w.prefix(top))
        let norm = w.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        return TextProfile(weights: Dictionary(uniqueKeysWithValues: w.map { ($0.0, norm > 0 ? $0.1 / norm : 0) }))
    }

    public func cosine(_ other: TextProfile) -> Float {
        let (small, large) = weights.count <= other.weights.count ? (weights, other.weights) : (other.weights, weights)
        var s: Float = 0
        for (t, v) in small { if let u = large[t] { s += v * u } }
        return s
    }
}

/// Places cold items in the ALS factor space by their text.
public struct ColdStart: Sendable {
    public let profiles: [TextProfile]
    public let idf: [String: Float]

    public init(profiles: [TextProfile], idf: [String: Float]) {
        self.profiles = profiles
        self.idf = idf
    }

    /// Builds item profiles from the review texts of each item's interactions.
    public init(items: [String], interactions: [Interaction]) {
        var text: [String: String] = [:]
        for x in interactions { if let t = x.text { text[x.item, default: ""] += " " + t } }
        let built = TextProfile.build(items.map { text[$0] ?? "" })
        profiles = built.profiles
        idf = built.idf
    }

    /// The warm items most similar to `text`, best first.
    public func neighbours(of text: String, k: Int = 10) -> [(item: Int, similarity: Float)] {
        let p = TextProfile.profile(TextProfile.terms(text), idf: idf)
        return TopK.select(profiles.map { p.cosine($0) }, k: k).filter { $0.score > 0 }.map { ($0.item, $0.score) }
    }

    /// A factor vector for a cold item: the similarity-weighted mean of its text neighbours'
    /// factors; nil when its text shares nothing with any known item.
    public func factors(for text: String, model: ALSModel, k: Int = 10) -> [Float]? {
        let near = neighbours(of: text, k: k)
        guard !near.isEmpty else { return nil }
        let f = model.factors
        var v = [Float](repeating: 0, count: f)
        var total: Float = 0
        for (i, s) in near {
            for d in 0..<f { v[d] += s * model.itemFactors[i * f + d] }
            total += s
        }
        return v.map { $0 / total }
    }
}
