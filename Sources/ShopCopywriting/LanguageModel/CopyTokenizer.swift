import ShopCore

/// Tokens for the ranking LM: Chinese by character (punctuation kept, spaces dropped);
/// English by lower-cased word, punctuation marks as their own tokens, numbers as `<num>`.
public enum CopyTokenizer {
    public static func tokens(_ text: String, language: Language) -> [String] {
        switch language {
        case .zh:
            return text.compactMap { $0.isWhitespace ? nil : ($0.isNumber && $0.isASCII ? "<num>" : String($0).lowercased()) }
        case .en:
            var out: [String] = []
            var word = ""
            func flush() {
                if !word.isEmpty { out.append(word.first!.isNumber ? "<num>" : word); word = "" }
            }
            for ch in text.lowercased() {
                if ch.isLetter || ch.isNumber || ch == "'" || (ch == "." && word.first?.isNumber == true) {
                    word.append(ch)
                } else {
                    flush()
                    if !ch.isWhitespace { out.append(String(ch)) }
                }
            }
            flush()
            return out
        }
    }
}
