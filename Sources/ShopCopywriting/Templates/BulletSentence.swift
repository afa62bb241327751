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
                                      "one", "two", "three", "four", "five", "there", "you", "its", "with", "comes", "perfect",
                                      // Imperatives bullets open with.
                                      "make", "experiment", "create", "enjoy", "build", "use", "keep", "get", "let", "bring", "add",
                                      "help", "give", "take", "play", "learn", "explore", "discover", "watch", "turn", "practice",
                                      "store", "carry", "display", "collect", "start", "set", "complete", "includes", "features",
                                      "perfect", "great", "fun", "safe", "durable", "sturdy", "high", "premium", "quality", "soft",
                                      "lightweight", "large", "small", "easy", "ideal", "suitable", "designed", "made", "officially",
                                      "fully", "each", "comes", "compatible", "ages", "for", "package", "set", "contains", "measures"]

    public static func withSubject(_ text: String) -> String {
        guard let first = firstWord(text) else { return text }
        let w = first.lowercased().trimmingCharacters(in: ",:;")
        guard verbs.contains(w) else { return text }
        return "It " + lowercasedStart(text, force: true)
    }

    /// `text.split(separator: " ").first` without splitting the rest of the text: the first
    /// run of characters other than a space.
    static func firstWord(_ text: String) -> Substring? {
        let word = text.drop(while: { $0 == " " }).prefix(while: { $0 != " " })
        return word.isEmpty ? nil : word
    }

    public static func lowercasedStart(_ text: String, force: Bool = false) -> String {
        lowercasedStartIfSafe(text, force: force) ?? text
    }

    /// The text with its first word lower-cased when that word is a common word (or an
    /// "-ly" adverb, or "It"); nil when it may be a name ("Snap Circuits …", "LEGO …"),
    /// so a template line that puts a connective before it is not used.
    public static func lowercasedStartIfSafe(_ text: String, force: Bool = false) -> String? {
        guard let first = firstWord(text), let c = first.first else { return nil }
        if c.isLowercase { return text }
        let w = first.lowercased().trimmingCharacters(in: ",:;")
        // Acronyms stay (LED, USB) and are names.
        if first.count > 1, first.dropFirst().first?.isUppercase == true { return nil }
        guard force || common.contains(w) || (w.hasSuffix("ly") && w.count > 4) else { return nil }
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
