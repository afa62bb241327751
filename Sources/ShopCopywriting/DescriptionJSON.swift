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
            s += "{\"text\":" + quote(b.text) + ",\"chars\":\(characterCount(b.text)),\"score\":" + number(b.score)
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

    /// `text` as a JSON string. The lines are written on the thread that reads the records
    /// and finishes the batches, so it is kept off the slow path: a text with nothing to
    /// escape (nearly all) is copied whole (`quoteReference` is the one escaping scalar by
    /// scalar; `DescriptionJSONTests`).
    public static func quote(_ text: String) -> String {
        var plain = true
        for b in text.utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            plain = false
            break
        }
        return plain ? "\"" + text + "\"" : quoteReference(text)
    }

    /// `text.count` (characters), by code points when each is a character on its own (the
    /// copy tokeniser's simple Chinese set: ASCII, ideographs, CJK punctuation, full-width
    /// forms; none joins a neighbour) rather than by grapheme breaking.
    static func characterCount(_ text: String) -> Int {
        var n = 0
        for u in text.unicodeScalars {
            guard CopyTokenizer.isSimpleChinese(u.value) else { return text.count }
            n += 1
        }
        return n
    }

    static func quoteReference(_ text: String) -> String {
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

    /// `x` with four decimals, as C's `%.4f` writes it (`String(format:)` gives the same
    /// digits through Foundation's formatter, several times slower; `DescriptionJSONTests`).
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        let capacity = 48
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            let n = withVaList([x]) { vsnprintf(buffer.baseAddress!, capacity, "%.4f", $0) }
            guard n > 0 && Int(n) < capacity else { return String(format: "%.4f", x) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(n)), as: UTF8.self)
        }
    }
}
