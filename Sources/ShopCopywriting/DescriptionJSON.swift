import Foundation

/// One JSON line per product, keys in a fixed order so outputs diff cleanly.
public enum DescriptionJSON {
    public static func line(_ d: ProductDescription, evidence: ReviewEvidence?) -> String {
        var s = "{\"id\":" + quote(d.productID) + ",\"lang\":\"" + d.language.rawValue + "\""
        if let l = d.listing {
            s += ",\"title\":" + quote(l.title) + ",\"bullets\":[" + l.bullets.map(quote).joined(separator: ",") + "]"
            s += ",\"keywords\":[" + l.keywords.map(quote).joined(separator: ",") + "]"
        }
        s += ",\"blurbs\":["
        for (i, b) in d.blurbs.enumerated() {
            if i > 0 { s += "," }
            s += "{\"text\":" + quote(b.text) + ",\"chars\":\(b.text.count),\"score\":" + number(b.score)
            s += ",\"coverage\":" + number(b.coverage)
            if let f = b.fluency { s += ",\"lm_logprob\":" + number(f) }
            s += ",\"template\":" + quote(b.template) + ",\"mentions\":["
            for (j, m) in b.mentions.enumerated() {
                if j > 0 { s += "," }
                s += "{\"key\":" + quote(m.key) + ",\"value\":" + quote(m.value) + "}"
            }
            s += "]}"
        }
        s += "]"
        if let evidence {
            s += ",\"reviews\":\(evidence.reviewCounts[d.productID] ?? 0),\"min_reviews\":\(evidence.minReviews),\"min_positive_share\":" + number(evidence.minPositiveShare)
            s += ",\"highlights\":["
            let used = Set(d.highlights.map(\.aspect))
            for (i, h) in d.evidence.enumerated() {
                if i > 0 { s += "," }
                s += "{\"aspect\":" + quote(h.aspect) + ",\"mentions\":\(h.mentions),\"positive\":\(h.positive),\"positive_share\":" + number(h.positiveShare)
                s += ",\"used\":" + (used.contains(h.aspect) ? "true" : "false") + "}"
            }
            s += "]"
        }
        if !d.warnings.isEmpty { s += ",\"warnings\":[" + d.warnings.map(quote).joined(separator: ",") + "]" }
        if d.blurbs.isEmpty { s += ",\"error\":\"no template could be filled from this record\"" }
        return s + "}"
    }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        return String(format: "%.4f", x)
    }
}
