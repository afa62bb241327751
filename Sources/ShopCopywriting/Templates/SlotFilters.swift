import ShopCore

/// The `|filter`s a slot can take. List filters pick values; the rest rewrite the joined text.
///
/// - `first`: only the first value; `2`, `3`, …: only that value (default: all, joined the language's way)
/// - `mw`: Chinese classifier phrase 一件衬衫; `this`: 这件衬衫; `cl`: the classifier alone
/// - `noun`: everyday Chinese noun (裙 → 裙子); `de`: append 的
/// - `a`: English article (an FM radio); `plural`, `singular`, `lower`, `cap`
/// - `short`: a long catalogue title cut to its name
/// - `it`: a verb-first bullet made a sentence ("Builds 5 projects." → "It builds 5 projects.")
/// - `lcfirst`: a sentence's first word lower-cased when it is a common word, to follow a connective
public enum SlotFilters {
    public static let known: Set<String> = ["first", "mw", "this", "cl", "noun", "de", "a", "plural", "singular", "lower", "cap", "short", "it", "lcfirst"]

    public static func apply(_ values: [SlotValue], filters: [String], language: Language) -> SlotValue? {
        guard !values.isEmpty else { return nil }
        // One value, no filter (most slots): the value itself; the join of one text is that text.
        if filters.isEmpty && values.count == 1 { return values[0].text.isEmpty ? nil : values[0] }
        var chosen = values
        if filters.contains("first") { chosen = [values[0]] }
        if let nth = filters.lazy.compactMap({ Int($0) }).first {
            guard nth >= 1, nth <= values.count else { return nil }
            chosen = [values[nth - 1]]
        }
        var text = ListJoiner.join(chosen.map(\.text), language: language)
        var facts: [ProductAttribute] = []
        for v in chosen { facts += v.facts }
        for f in filters {
            switch f {
            case "first": break
            case _ where Int(f) != nil: break
            case "noun": text = ChineseMeasureWords.displayNoun(text)
            case "mw": text = ChineseMeasureWords.phrase(ChineseMeasureWords.displayNoun(text))
            case "this": text = ChineseMeasureWords.phrase(ChineseMeasureWords.displayNoun(text), determiner: "这")
            case "cl": text = ChineseMeasureWords.classifier(for: text)
            case "de": text = ChineseMeasureWords.withDe(text)
            case "a": text = EnglishArticle.prefixed(text)
            case "plural": text = EnglishPlural.plural(text)
            case "singular":
                // Only a plain noun phrase: "Kits & Toys" stays as it is.
                if !text.contains("&"), !text.contains(","), !text.contains(" and ") { text = EnglishPlural.singular(text) }
            case "lower": text = lowerUnlessAcronym(text)
            case "cap": text = text.prefix(1).uppercased() + text.dropFirst()
            case "short": text = FeatureCleaner.shortTitle(text)
            case "it": text = BulletSentence.withSubject(text)
            case "lcfirst":
                guard let t = BulletSentence.lowercasedStartIfSafe(text) else { return nil }
                text = t
            default: return nil
            }
        }
        return text.isEmpty ? nil : SlotValue(text: text, facts: facts)
    }

    /// Lower-cases words but keeps acronyms (FM, LED, USB).
    static func lowerUnlessAcronym(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: false).map { w -> String in
            let letters = w.filter { $0.isLetter }
            if letters.count >= 2, letters == letters.uppercased() { return String(w) }
            return w.lowercased()
        }.joined(separator: " ")
    }
}
