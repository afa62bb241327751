/// `a` or `an` by the sound of the next word, not its first letter:
/// an hour, a unicorn, an FM radio, a USB cable, an 8-piece set, a one-piece.
public enum EnglishArticle {
    static let silentH: Set<String> = ["hour", "hours", "hourly", "honest", "honestly", "honor", "honour", "honorable", "heir", "herb"]
    static let youSound = ["uni", "use", "usa", "usu", "uti", "ura", "ure", "uro", "euro", "eu", "ewe", "uk"]
    static let wonSound = ["one", "once"]
    /// Letters whose English names start with a vowel sound: "an FM", "an LED", "an S".
    static let vowelSoundLetters: Set<Character> = ["a", "e", "f", "h", "i", "l", "m", "n", "o", "r", "s", "x"]

    /// `a` or `an` for the phrase that follows.
    public static func article(for phrase: String) -> String {
        let word = phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map(String.init) ?? ""
        guard let first = word.first else { return "a" }
        if first.isNumber {
            // 8, 11, 18, 80, 800 … are said with a vowel.
            let digits = word.prefix { $0.isNumber }
            if digits.first == "8" { return "an" }
            if digits == "11" || digits == "18" || (digits.count == 5 && (digits.hasPrefix("11") || digits.hasPrefix("18"))) { return "an" }
            return "a"
        }
        let lower = word.lowercased()
        // Acronyms are read letter by letter.
        let letters = word.filter { $0.isLetter }
        if letters.count >= 2, letters.count <= 5, letters == letters.uppercased(), !["UNICEF", "NASA", "LEGO"].contains(letters) {
            return vowelSoundLetters.contains(Character(String(first).lowercased())) ? "an" : "a"
        }
        if silentH.contains(where: { lower == $0 || lower.hasPrefix($0) && $0.count > 4 }) { return "an" }
        if wonSound.contains(where: { lower.hasPrefix($0) }) { return "a" }
        if youSound.contains(where: { lower.hasPrefix($0) }) && !lower.hasPrefix("unin") && !lower.hasPrefix("unu") && !lower.hasPrefix("unb") && !lower.hasPrefix("und") && !lower.hasPrefix("unl") {
            return "a"
        }
        return "aeiou".contains(lower.first!) ? "an" : "a"
    }

    /// The phrase with its article: `an educational toy`.
    public static func prefixed(_ phrase: String) -> String {
        phrase.isEmpty ? phrase : article(for: phrase) + " " + phrase
    }
}
