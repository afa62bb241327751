/// The two languages the engine works in. Tokenizer options use `Language?` where `nil`
/// means "decide per line by script".
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// Chinese when the text holds any common Han character (CJK Unified Ideographs and
    /// extension A), otherwise English: the chatbot's rule, where one Chinese word in a
    /// message means the customer writes Chinese.
    public static func of(_ text: String) -> Language {
        for s in text.unicodeScalars where Han.isUnifiedBMP(s.value) { return .zh }
        return .en
    }

    /// Chinese when ideographs make up at least a fifth of the letters, otherwise English
    /// (also for text without letters): the rule for product text, where brand names and
    /// model numbers in Latin letters are common inside Chinese copy.
    public static func guess(_ text: String) -> Language {
        var han = 0, letters = 0
        for s in text.unicodeScalars {
            // ASCII: the alphabetic scalars are A–Z and a–z, none is ideographic (the
            // property lookup per scalar was most of this on English records).
            let v = s.value
            if v < 0x80 {
                if (v >= 65 && v <= 90) || (v >= 97 && v <= 122) { letters += 1 }
                continue
            }
            if s.properties.isIdeographic { han += 1; letters += 1 }
            else if s.properties.isAlphabetic { letters += 1 }
        }
        return letters > 0 && han * 5 >= letters ? .zh : .en
    }
}
