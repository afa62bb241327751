import ShopCore

/// Token units the measures count: characters for Chinese (no spaces), lower-cased words
/// for English.
public enum TextStatistics {
    public static func units(_ text: String, language: Language) -> [String] {
        switch language {
        case .zh:
            return text.compactMap { ch -> String? in
                if ch.isWhitespace || ch.isPunctuation || ch.isSymbol { return nil }
                return String(ch).lowercased()
            }
        case .en:
            return text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }).map(String.init)
        }
    }

    /// `text.contains { $0.isLetter || $0.isNumber }`, without cutting the text into
    /// characters first (the planner asks it of every sentence it keeps). An ASCII or common
    /// Han scalar after another (or first) starts a character of its own, and a character is
    /// a letter or number by its first scalar: every common Han character is a letter (all of
    /// U+4E00–U+9FFF is assigned and alphabetic, tested), so only ASCII is looked at more
    /// closely; a text with no such scalar asks `Character`.
    static func hasLetterOrNumber(_ text: String) -> Bool {
        var previousPlain = true
        for u in text.unicodeScalars {
            let v = u.value
            let plain = v < 0x80 || Han.isCommon(v)
            if previousPlain && plain {
                if v >= 0x80 || (v >= 48 && v <= 57) || ((v | 0x20) >= 97 && (v | 0x20) <= 122) { return true }
            }
            previousPlain = plain
        }
        return text.contains { $0.isLetter || $0.isNumber }
    }

    /// Share of unit bigrams that repeat an earlier bigram (0 = no repetition). Runs on
    /// every candidate, so it hashes units instead of building strings.
    public static func repetition(_ text: String, language: Language) -> Double {
        repetition(ofUnits: unitHashes(text, language: language))
    }

    /// `repetition` of the text whose `unitHashes` these are. Units never span the parts of
    /// a joined blurb (the join adds only spaces), so a blurb's units are its parts' units
    /// in order, and candidates sharing sentences hash each sentence once.
    static func repetition(ofUnits u: [UInt64]) -> Double {
        guard u.count > 2 else { return 0 }
        let m = u.count - 1
        let repeats = SeenHashes.with(roomFor: m) { seen in
            var repeats = 0
            for i in 0..<m where !seen.insert(u[i] &* 0x9E37_79B9_7F4A_7C15 ^ u[i + 1]) { repeats += 1 }
            return repeats
        }
        return Double(repeats) / Double(m)
    }

    /// Punctuation that is not a unit (ASCII and the common CJK marks).
    static let punctuation: Set<UInt32> = Set("，。！？、；：“”‘’（）《》【】…—～·,.!?;:\"'()[]{}<>-/|*&%$#@+=~`^_".unicodeScalars.map(\.value))
    /// `punctuation` as a bit mask for ASCII and a short list beyond (no hashing per scalar).
    static let asciiPunctuation: (UInt64, UInt64) = punctuation.filter { $0 < 128 }.reduce((0, 0)) { m, v in
        v < 64 ? (m.0 | 1 << UInt64(v), m.1) : (m.0, m.1 | 1 << UInt64(v - 64))
    }
    static let otherPunctuation: [UInt32] = punctuation.filter { $0 >= 128 }.sorted()

    @inline(__always)
    static func isPunctuation(_ v: UInt32) -> Bool {
        if v < 64 { return asciiPunctuation.0 & (1 << UInt64(v)) != 0 }
        if v < 128 { return asciiPunctuation.1 & (1 << UInt64(v - 64)) != 0 }
        // Most of Chinese text: no ideograph is on the list (tested), so no search of it.
        if Han.isCommon(v) { return false }
        return otherPunctuation.contains(v)
    }

    /// The units of `units(_:language:)` as hashes: code points for Chinese, FNV-1a of
    /// lower-cased words for English.
    static func unitHashes(_ text: String, language: Language) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(text.utf8.count / 2)
        appendUnitHashes(text, language: language, to: &out)
        return out
    }

    /// Appends `unitHashes(text)` to `out` (no array per text when a caller keeps many).
    static func appendUnitHashes(_ text: String, language: Language, to out: inout [UInt64]) {
        switch language {
        case .zh:
            for s in text.unicodeScalars where !isWhitespace(s.value) && !isPunctuation(s.value) {
                var v = s.value
                if v >= 65 && v <= 90 { v += 32 }
                out.append(UInt64(v))
            }
        case .en:
            var h = FNV1a.offset64
            var inWord = false
            for s in text.unicodeScalars {
                let v = s.value
                let isUnit = v < 128 ? ((v | 32) >= 97 && (v | 32) <= 122) || (v >= 48 && v <= 57) || v == 39 || v == 45
                                     : s.properties.isAlphabetic
                if isUnit {
                    var v = s.value
                    if v >= 65 && v <= 90 { v += 32 }
                    h = FNV1a.step(h, UInt64(v))
                    inWord = true
                } else if inWord {
                    out.append(h)
                    h = FNV1a.offset64
                    inWord = false
                }
            }
            if inWord { out.append(h) }
        }
    }

    /// Unicode's White_Space property (the whole list: it is fixed), without the property
    /// table lookup that `Unicode.Scalar.Properties.isWhitespace` costs per scalar.
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000
    }

    /// Unit bigram sets, for distinctness between candidates.
    public static func bigrams(_ text: String, language: Language) -> Set<String> {
        let u = units(text, language: language)
        guard u.count > 1 else { return Set(u) }
        var s = Set<String>()
        for i in 0..<(u.count - 1) { s.insert(u[i] + "\u{1}" + u[i + 1]) }
        return s
    }

    public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }
}
