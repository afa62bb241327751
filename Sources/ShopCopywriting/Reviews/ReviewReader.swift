import Foundation
import ShopData
import ShopCore

/// Reads reviews for grounding: JSON Lines with a product id (`product_id`, `id`, `asin`,
/// `item`) and either the sentiment tagger's `aspects` (`[{"aspect": …, "polarity":
/// "positive"|"negative"|…}]`) or a plain `text`, whose aspects then come from
/// `AspectLexicon`. Bad lines are returned as errors; reading goes on.
public enum ReviewReader {
    static let idKeys = ["product_id", "productId", "id", "asin", "item", "sku"]
    static let textKeys = ["text", "review", "reviewText", "review_text", "content", "body"]

    public static func read(path: String, language: Language?) throws -> (reviews: [ProductReview], errors: [DataError]) {
        let lines = try LineReader(InputSource(argument: path))
        var reviews: [ProductReview] = [], errors: [DataError] = []
        while let raw = try lines.nextLine() {
            if raw.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            switch parse(Data(raw.bytes), file: lines.name, line: raw.number, language: language) {
            case .success(let r): reviews.append(r)
            case .failure(let e): errors.append(e)
            }
        }
        return (reviews, errors)
    }

    /// Replaces the aspects of reviews with those of the sentiment tagger's output for the
    /// same file (`shopnlp sentiment tag --input REVIEWS --format jsonl --aspects`): its
    /// `line` field is the review's line. Returns the reviews, errors for tagged lines that
    /// match no review or cannot be read, and how many reviews got tagged aspects.
    public static func attachTaggedAspects(path: String, to reviews: [ProductReview]) throws
        -> (reviews: [ProductReview], errors: [DataError], attached: Int) {
        var byLine: [Int: Int] = [:]
        for (i, r) in reviews.enumerated() { byLine[r.line] = i }
        var out = reviews, errors: [DataError] = [], attached = 0
        let lines = try LineReader(InputSource(argument: path))
        while let raw = try lines.nextLine() {
            if raw.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let o = (try? JSONSerialization.jsonObject(with: Data(raw.bytes))) as? [String: Any],
                  let n = (o["line"] as? NSNumber)?.intValue else {
                errors.append(DataError(file: lines.name, line: raw.number, field: "line", reason: "not a tagger output line"))
                continue
            }
            if o["error"] != nil { continue }   // the tagger could not read that review
            guard let i = byLine[n] else {
                errors.append(DataError(file: lines.name, line: raw.number, field: "line", reason: "no review on line \(n) of the reviews file"))
                continue
            }
            var withID = o
            withID["product_id"] = out[i].productID
            guard let data = try? JSONSerialization.data(withJSONObject: withID) else { continue }
            switch parse(data, file: lines.name, line: raw.number, language: nil) {
            case .success(let r):
                out[i].aspects = r.aspects
                attached += 1
            case .failure(let e):
                errors.append(e)
            }
        }
        return (out, errors, attached)
    }

    public static func parse(_ data: Data, file: String, line: Int, language: Language?) -> Result<ProductReview, DataError> {
        guard let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return .failure(DataError(file: file, line: line, reason: "not a JSON object"))
        }
        func string(_ k: String) -> String? {
            switch o[k] {
            case let s as String: return s.isEmpty ? nil : s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        guard let id = idKeys.lazy.compactMap(string).first else {
            return .failure(DataError(file: file, line: line, field: "product_id", reason: "review without a product id"))
        }
        let text = textKeys.lazy.compactMap(string).first ?? ""
        // Review-level polarity: a rating or label when given, else the lexicon's reading of the text.
        var negative: Bool? = nil
        if let r = (o["rating"] ?? o["stars"] ?? o["overall"] ?? o["score"]) as? NSNumber { negative = r.doubleValue <= 2 }
        if let l = (string("label") ?? string("sentiment") ?? string("polarity"))?.lowercased() {
            negative = ["negative", "neg", "0"].contains(l) ? true : (["positive", "pos", "1"].contains(l) ? false : negative)
        }
        if let list = o["aspects"] as? [Any] {
            var aspects: [AspectMention] = []
            for (i, item) in list.enumerated() {
                guard let a = item as? [String: Any],
                      let name = (a["aspect"] as? String) ?? (a["term"] as? String) ?? (a["name"] as? String),
                      let pol = (a["polarity"] as? String) ?? (a["label"] as? String) ?? (a["sentiment"] as? String) else {
                    return .failure(DataError(file: file, line: line, field: "aspects[\(i)]", reason: "expected {\"aspect\": …, \"polarity\": …}"))
                }
                let p = pol.lowercased()
                guard ["positive", "pos", "1", "negative", "neg", "0", "neutral", "conflict", "mixed"].contains(p) else {
                    return .failure(DataError(file: file, line: line, field: "aspects[\(i)].polarity", reason: "unknown polarity '\(pol)'"))
                }
                // Neutral or mixed mentions count as mentions that are not praise.
                aspects.append(AspectMention(aspect: name, positive: p == "positive" || p == "pos" || p == "1"))
            }
            let neg = negative ?? (text.isEmpty ? false : AspectLexicon.isNegative(text, language: language ?? Language.guess(text)))
            return .success(ProductReview(productID: id, text: text, aspects: aspects, line: line, negative: neg))
        }
        guard !text.isEmpty else {
            return .failure(DataError(file: file, line: line, field: "text", reason: "review without text or aspects"))
        }
        let lang = language ?? Language.guess(text)
        return .success(ProductReview(productID: id, text: text, aspects: AspectLexicon.mentions(in: text, language: lang), line: line,
                                      negative: negative ?? AspectLexicon.isNegative(text, language: lang)))
    }
}
