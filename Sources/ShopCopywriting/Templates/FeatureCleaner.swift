import Foundation
import ShopCore

/// Turns a seller's feature bullet into one plain sentence, or nil when it cannot be used
/// as is: boilerplate, too long, or mostly symbols. Nothing is added, only trimmed.
public enum FeatureCleaner {
    static let boilerplate = ["make sure this fits", "click here", "see more", "view shipping rates"]
    static let dangling: Set<String> = ["includes", "including", "include", "features", "featuring", "the", "a", "an", "and", "or",
                                        "of", "with", "for", "to", "in", "on", "that", "that's", "which", "is", "are", "from", "by", "as"]

    public static func clean(_ raw: String, maxLength: Int = 140) -> String? {
        var s = Substring(raw)
        if mentionsBoilerplate(raw) { return nil }
        // Drop leading decorations: ✅, 【, ★, bullets, dashes.
        s = s.drop { !($0.isLetter || $0.isNumber) }
        // "HEADLINE: text" or "【Headline】text": keep the text after the headline.
        // Only a headline in the first 40 characters counts: searching those alone finds the
        // same one as searching the whole bullet and measuring how far in it is.
        if let close = Self.headlineEnd(s) {
            s = s[s.index(after: close)...].drop { $0 == " " || $0 == "-" || $0 == ":" }
        } else if let colon = Self.headlineColon(s) {
            let head = s[..<colon]
            let letters = head.filter { $0.isLetter }
            if !letters.isEmpty, letters == letters.uppercased() || head.split(separator: " ").count <= 4 {
                s = s[s.index(after: colon)...].drop { $0 == " " }
            }
        }
        // First sentence only.
        var end = s.endIndex
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if (c == "." || c == "!" || c == "?") && (next == s.endIndex || s[next] == " ") {
                // Not an abbreviation such as "approx." or a decimal.
                let wordBefore = lastWord(s[s.startIndex..<i])
                if wordBefore.count > 3 || wordBefore.first?.isUppercase == false { end = i; break }
            }
            i = next
        }
        var sentence = String(s[s.startIndex..<end]).trimmingCharactersInSet()
        // The scrape cut it off ("… flex pattern that’s…"): not a sentence.
        if sentence.hasSuffix("…") || sentence.hasSuffix("...") { return nil }
        while let last = sentence.last, last == "," || last == ";" || last == "-" || last == ":" { sentence.removeLast() }
        let (length, letters, upper) = counts(sentence)
        guard length >= 12, length <= maxLength else { return nil }
        // A sentence the seller (or the scrape) cut off mid-phrase: "… Elite Trainer Box includes".
        let lastWord = Self.lastWord(Substring(sentence)).lowercased()
        if dangling.contains(lastWord) || lastWord.hasSuffix("’s") || lastWord.hasSuffix("'s") && lastWord.count <= 6 { return nil }
        guard letters * 2 >= length else { return nil }
        // Shouting headlines are unusable as sentences.
        if upper * 2 > letters { return nil }
        if let f = sentence.first, f.isLowercase { sentence = f.uppercased() + sentence.dropFirst() }
        if let l = sentence.last, "!?\"”".contains(l) { return sentence }
        return sentence + "."
    }

    /// Whether the bullet contains a boilerplate phrase, ignoring case. Seller bullets are
    /// mostly ASCII: those are searched byte by byte, lower-casing A–Z on the fly (the same
    /// answer as lower-casing the text and searching it: in ASCII every character is one
    /// byte but CR LF, and no phrase holds either); others are lower-cased and searched.
    static func mentionsBoilerplate(_ raw: String) -> Bool {
        var text = raw
        let ascii: Bool? = text.withUTF8 { b in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            let lowered = b.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            return lowered.withUnsafeBufferPointer { hay in
                boilerplateBytes.contains { needle in
                    needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay, from: 0) != nil }
                }
            }
        }
        if let ascii { return ascii }
        let lower = raw.lowercased()
        return boilerplate.contains(where: { lower.firstRange(of: $0) != nil })
    }

    static let boilerplateBytes = boilerplate.map { Array($0.utf8) }

    /// (characters, letters, upper-case letters) of a sentence. In ASCII without CR (CR LF is
    /// one character) a character is a byte and the letters are A–Z and a–z, so the counts
    /// are taken from the bytes; otherwise from the characters.
    static func counts(_ sentence: String) -> (length: Int, letters: Int, upper: Int) {
        var text = sentence
        let fast: (Int, Int, Int)? = text.withUTF8 { b in
            var letters = 0, upper = 0
            for c in b {
                if c >= 0x80 || c == 13 { return nil }
                if c >= 65 && c <= 90 { letters += 1; upper += 1 } else if c >= 97 && c <= 122 { letters += 1 }
            }
            return (b.count, letters, upper)
        }
        if let fast { return fast }
        return (sentence.count, sentence.filter { $0.isLetter }.count, sentence.filter { $0.isUppercase }.count)
    }

    /// A closing bracket within the first 40 characters (of `【Headline】text`).
    static func headlineEnd(_ s: Substring) -> Substring.Index? {
        s.prefix(40).firstIndex(where: { $0 == "】" || $0 == "]" })
    }

    /// A colon within the first 40 characters (of `HEADLINE: text`).
    static func headlineColon(_ s: Substring) -> Substring.Index? {
        s.prefix(40).firstIndex(of: ":")
    }

    /// The last run of non-spaces (`split(separator: " ").last`, found from the end instead
    /// of splitting the whole text before every full stop).
    static func lastWord(_ s: Substring) -> Substring {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
        var start = end
        while start > s.startIndex, s[s.index(before: start)] != " " { start = s.index(before: start) }
        return s[start..<end]
    }

    /// The title up to its first separator at 8 characters or more, each separator cutting
    /// what the ones before left.
    static func characterCut(_ title: String) -> Substring {
        var s = Substring(title)
        for sep in shortTitleSeparators {
            // The standard library's search, not Foundation's (which bridges to NSString per call).
            if let r = s.firstRange(of: sep), s.distance(from: s.startIndex, to: r.lowerBound) >= 8 { s = s[..<r.lowerBound] }
        }
        return s
    }

    /// `characterCut` for an ASCII title without CR (the usual catalogue title), found by
    /// byte search: there a character is a byte, so the same cuts at the same offsets. Nil
    /// for other titles.
    static func asciiCut(_ title: String) -> Substring? {
        var t = title
        let end: Int? = t.withUTF8 { b in
            guard !b.contains(where: { $0 >= 0x80 || $0 == 13 }) else { return nil }
            var end = b.count
            for sep in shortTitleSeparatorBytes {
                let found = sep.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: b[0..<end]), from: 0) }
                if let i = found, i >= 8 { end = i }
            }
            return end
        }
        return end.map { title[..<title.utf8.index(title.utf8.startIndex, offsetBy: $0)] }
    }

    static let shortTitleSeparators = [",", " (", " - ", " – ", " | ", ": ", " w/ ", " with "]
    static let shortTitleSeparatorBytes = shortTitleSeparators.map { Array($0.utf8) }

    /// The short name of a long catalogue title: up to the first comma, bracket or dash.
    public static func shortTitle(_ title: String, maxWords: Int = 9) -> String {
        let s = asciiCut(title) ?? characterCut(title)
        let words = s.split(separator: " ")
        return words.prefix(maxWords).joined(separator: " ").trimmingCharactersInSet()
    }
}
