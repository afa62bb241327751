/// Decides whether a line is Chinese or English (anything not Chinese counts as English).
public enum ScriptDetector {
    /// `.zh` when Han characters make up at least 20% of the letters, else `.en`.
    public static func language(of text: String) -> Language {
        var han = 0
        var letters = 0
        for scalar in text.unicodeScalars {
            let c = scalar.value
            if CharClass.isHan(c) { han += 1; letters += 1 } else if CharClass.isLetter(c) { letters += 1 }
        }
        return han > 0 && han * 5 >= letters ? .zh : .en
    }
}
