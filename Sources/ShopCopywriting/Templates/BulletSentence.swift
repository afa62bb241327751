/// Seller bullets turned into sentences of a paragraph: most bullets start with a verb and
/// no subject ("Includes 3 story reels"), which reads as a pasted list item in prose.
public enum BulletSentence {
    /// Third-person verbs bullets start with.
    static let verbs: Set<String> = ["includes", "features", "comes", "makes", "builds", "offers", "provides", "helps", "lets",
                                     "allows", "keeps", "fits", "holds", "measures", "contains", "supports", "works", "has",
                                     "is", "teaches", "encourages", "develops", "requires", "uses", "adds", "creates",
                                     "combines", "gives", "brings", "stands", "plays", "lights", "connects", "attaches",
                                     "folds", "inspires", "promotes", "improves", "delivers", "measures", "weighs", "ships"]
    /// Words that may be lower-cased after a connective (not names or acronyms).
    static let common: Set<String> = ["it", "the", "this", "these", "each", "every", "all", "a", "an", "your", "our", "kids",
                                      "children", "great", "ideal", "easy", "made", "designed", "includes", "features", "they",
                                      "one", "two", "three", "four", "five", "there", "you", "its", "with", "comes", "perfect"]

    public static func withSubject(_ text: String) -> String {
        guard let first = text.split(separator: " ").first else { return text }
        let w = first.lowercased().trimmingCharacters(in: ",:;")
        guard verbs.contains(w) else { return text }
        return "It " + lowercasedStart(text, force: true)
    }

    public static func lowercasedStart(_ text: String, force: Bool = false) -> String {
        guard let first = text.split(separator: " ").first, let c = first.first else { return text }
        let w = first.lowercased().trimmingCharacters(in: ",:;")
        guard force || common.contains(w) else { return text }
        // Acronyms stay (LED, USB).
        if first.count > 1, first.dropFirst().first?.isUppercase == true { return text }
        return c.lowercased() + text.dropFirst()
    }
}

extension String {
    func trimmingCharacters(in chars: String) -> String {
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
