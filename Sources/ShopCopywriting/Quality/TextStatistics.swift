/// Token units the measures count: characters for Chinese (no spaces), lower-cased words
/// for English.
public enum TextStatistics {
    public static func units(_ text: String, language: CopyLanguage) -> [String] {
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

    /// Share of unit bigrams that repeat an earlier bigram (0 = no repetition).
    public static func repetition(_ text: String, language: CopyLanguage) -> Double {
        let u = units(text, language: language)
        guard u.count > 2 else { return 0 }
        var seen = Set<String>()
        var repeats = 0
        for i in 0..<(u.count - 1) where !seen.insert(u[i] + "\u{1}" + u[i + 1]).inserted { repeats += 1 }
        return Double(repeats) / Double(u.count - 1)
    }

    /// Unit bigram sets, for distinctness between candidates.
    public static func bigrams(_ text: String, language: CopyLanguage) -> Set<String> {
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
