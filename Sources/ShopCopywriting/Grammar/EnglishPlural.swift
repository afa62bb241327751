/// English plural and singular forms for product nouns, with the common irregulars.
public enum EnglishPlural {
    static let irregular: [String: String] = [
        "child": "children", "person": "people", "man": "men", "woman": "women", "foot": "feet",
        "tooth": "teeth", "mouse": "mice", "goose": "geese", "die": "dice", "ox": "oxen",
        "cactus": "cacti", "analysis": "analyses",
    ]
    static let unchanged: Set<String> = ["sheep", "fish", "deer", "series", "species", "aircraft", "equipment",
                                         "furniture", "clothing", "jewelry", "software", "hardware", "information", "pants", "jeans",
                                         "shorts", "scissors", "glasses", "trousers", "leggings", "pajamas", "goggles", "binoculars"]
    static let oEs: Set<String> = ["potato", "tomato", "hero", "echo", "torpedo", "veto", "volcano"]
    static let fVes: [String: String] = ["knife": "knives", "wife": "wives", "life": "lives", "leaf": "leaves", "loaf": "loaves",
                                          "wolf": "wolves", "shelf": "shelves", "half": "halves", "calf": "calves", "scarf": "scarves",
                                          "thief": "thieves", "elf": "elves"]

    /// The plural of a noun or of the last word of a noun phrase (`toy car` → `toy cars`).
    public static func plural(_ phrase: String) -> String {
        guard let (head, word) = splitLast(phrase), !word.isEmpty else { return phrase }
        return head + matchCase(pluralWord(word.lowercased()), like: word)
    }

    /// The singular of a noun or of the last word of a phrase (`Longboards` → `Longboard`).
    public static func singular(_ phrase: String) -> String {
        guard let (head, word) = splitLast(phrase), !word.isEmpty else { return phrase }
        return head + matchCase(singularWord(word.lowercased()), like: word)
    }

    /// `1 piece`, `5 pieces`.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) " + (n == 1 ? noun : plural(noun))
    }

    static func pluralWord(_ w: String) -> String {
        if let p = irregular[w] { return p }
        if unchanged.contains(w) { return w }
        if let p = fVes[w] { return p }
        if oEs.contains(w) { return w + "es" }
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") { return w + "es" }
        if w.hasSuffix("y"), w.count > 1, !"aeiou".contains(w.dropLast().last!) { return w.dropLast() + "ies" }
        return w + "s"
    }

    static func singularWord(_ w: String) -> String {
        if let s = irregular.first(where: { $0.value == w })?.key { return s }
        if unchanged.contains(w) { return w }
        if let s = fVes.first(where: { $0.value == w })?.key { return s }
        if w.hasSuffix("ies"), w.count > 4 { return w.dropLast(3) + "y" }
        for suffix in ["ches", "shes", "sses", "xes", "zes"] where w.hasSuffix(suffix) { return String(w.dropLast(2)) }
        if w.hasSuffix("oes"), oEs.contains(String(w.dropLast(2))) { return String(w.dropLast(2)) }
        if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is"), w.count > 3 { return String(w.dropLast()) }
        return w
    }

    private static func splitLast(_ phrase: String) -> (String, String)? {
        guard let sp = phrase.lastIndex(of: " ") else { return ("", phrase) }
        return (String(phrase[...sp]), String(phrase[phrase.index(after: sp)...]))
    }

    private static func matchCase(_ word: String, like original: String) -> String {
        if original == original.uppercased(), original.count > 1 { return word.uppercased() }
        if original.first?.isUppercase == true { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }
}
