/// The phrases already written in a batch, for the batch-level diversity penalty: a
/// candidate that reuses wording other products of the batch already got scores lower, so
/// 1,000 blurbs do not all close with the same words. Units are character 4-grams in
/// Chinese and word bigrams in English; slot values (which differ between products) count
/// like any text, so the penalty falls on the fixed wording that repeats.
public struct PhraseUsage: Sendable {
    private var counts: [String: Int] = [:]
    /// Uses after which a phrase counts as fully worn.
    public var saturation: Int

    public init(saturation: Int = 2) {
        self.saturation = saturation
    }

    static func grams(_ text: String, language: CopyLanguage) -> Set<String> {
        var out = Set<String>()
        switch language {
        case .zh:
            let chars = Array(text.filter { !$0.isWhitespace })
            guard chars.count >= 4 else { return [String(chars)] }
            for i in 0...(chars.count - 4) { out.insert(String(chars[i..<(i + 4)])) }
        case .en:
            let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") })
            guard words.count >= 2 else { return Set(words.map(String.init)) }
            for i in 0..<(words.count - 1) { out.insert(words[i] + " " + words[i + 1]) }
            // The opening pair weighs more: it is what readers of a listing page see repeated.
            out.insert("^" + words[0] + " " + words[1])
        }
        return out
    }

    /// In [0, 1]: how worn the text's phrases are (0: none used yet).
    public func penalty(_ text: String, language: CopyLanguage) -> Double {
        if counts.isEmpty { return 0 }
        let g = Self.grams(text, language: language)
        if g.isEmpty { return 0 }
        var worn = 0.0
        for x in g {
            if let c = counts[x] { worn += Double(min(c, saturation)) / Double(saturation) * (x.hasPrefix("^") ? 4 : 1) }
        }
        return min(1, worn / Double(g.count))
    }

    public mutating func record(_ text: String, language: CopyLanguage) {
        for x in Self.grams(text, language: language) { counts[x, default: 0] += 1 }
    }
}
