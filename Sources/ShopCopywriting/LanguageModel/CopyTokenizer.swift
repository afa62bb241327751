import ShopCore

/// Tokens for the ranking LM: Chinese by character (punctuation kept, spaces dropped);
/// English by lower-cased word, punctuation marks as their own tokens, numbers as `<num>`.
public enum CopyTokenizer {
    public static func tokens(_ text: String, language: Language) -> [String] {
        // Every scored sentence is tokenised: `Character` iteration and its property
        // lookups were a visible share of ranking. Texts made only of code points that are
        // each a whole character, with known properties, take a code-point path with the
        // same result (FastPathTests compares the two).
        switch language {
        case .zh: if let t = simpleChinese(text) { return t }
        case .en: if let t = asciiEnglish(text) { return t }
        }
        return tokensReference(text, language: language)
    }

    /// The plain `Character` tokeniser.
    static func tokensReference(_ text: String, language: Language) -> [String] {
        switch language {
        case .zh:
            return text.compactMap { $0.isWhitespace ? nil : ($0.isNumber && $0.isASCII ? "<num>" : String($0).lowercased()) }
        case .en:
            var out: [String] = []
            var word = ""
            func flush() {
                if !word.isEmpty { out.append(word.first!.isNumber ? "<num>" : word); word = "" }
            }
            for ch in text.lowercased() {
                if ch.isLetter || ch.isNumber || ch == "'" || (ch == "." && word.first?.isNumber == true) {
                    word.append(ch)
                } else {
                    flush()
                    if !ch.isWhitespace { out.append(String(ch)) }
                }
            }
            flush()
            return out
        }
    }

    /// Code points that are a character on their own (no combining marks, joiners or CR LF
    /// around them), are not upper case, and whose only property that matters is known:
    /// printable ASCII (upper case folded by hand), CJK punctuation without its combining
    /// tone marks, common CJK ideographs, dashes/quotes/ellipsis, full-width forms other
    /// than the full-width capitals.
    @inline(__always)
    static func isSimpleChinese(_ v: UInt32) -> Bool {
        (v >= 0x20 && v <= 0x7E) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x3029) || (v >= 0x3030 && v <= 0x303F)
            || (v >= 0x2010 && v <= 0x2027) || (v >= 0xFF01 && v <= 0xFF5E && !(v >= 0xFF21 && v <= 0xFF3A))
    }

    /// The `.zh` tokens from code points, or nil when a code point is outside `isSimpleChinese`.
    static func simpleChinese(_ text: String) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(text.utf8.count / 3 + 1)
        for u in text.unicodeScalars {
            let v = u.value
            guard isSimpleChinese(v) else { return nil }
            if v == 0x20 || v == 0x3000 { continue }  // the White_Space code points of these ranges
            if v >= 48 && v <= 57 { out.append("<num>"); continue }
            if v >= 65 && v <= 90 { out.append(String(Unicode.Scalar(v + 32)!)); continue }
            out.append(String(u))
        }
        return out
    }

    /// The `.en` tokens of an all-ASCII text from its bytes (nil otherwise). In ASCII a letter
    /// is A–Z/a–z, a number 0–9, white space tab…CR and space; CR LF (one `Character`) is
    /// white space either way.
    static func asciiEnglish(_ text: String) -> [String]? {
        var t = text
        return t.withUTF8 { bytes -> [String]? in
            var out: [String] = []
            var start = -1, numeric = false
            var word: [UInt8] = []
            func flush() {
                if start >= 0 {
                    out.append(numeric ? "<num>" : String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                    start = -1
                }
            }
            for (i, b0) in bytes.enumerated() {
                if b0 >= 0x80 { return nil }
                let b = b0 >= 65 && b0 <= 90 ? b0 + 32 : b0
                let letter = b >= 97 && b <= 122, digit = b >= 48 && b <= 57
                if letter || digit || b == 39 || (b == 46 && start >= 0 && numeric) {
                    if start < 0 { start = i; numeric = digit }
                    word.append(b)
                } else {
                    flush()
                    if !(b == 32 || (b >= 9 && b <= 13)) { out.append(String(UnicodeScalar(b))) }
                }
            }
            flush()
            return out
        }
    }
}
