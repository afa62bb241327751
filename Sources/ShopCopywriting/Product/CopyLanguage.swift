/// The language a blurb is written in.
public enum CopyLanguage: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// Guesses the language of a text: Chinese when at least a fifth of its letters are Han.
    public static func guess(_ text: String) -> CopyLanguage {
        var han = 0, letters = 0
        for s in text.unicodeScalars {
            if s.properties.isIdeographic { han += 1; letters += 1 }
            else if s.properties.isAlphabetic { letters += 1 }
        }
        return letters > 0 && han * 5 >= letters ? .zh : .en
    }
}
