/// The languages the assistant speaks.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// Chinese when the message contains Han characters, otherwise English.
    public static func of(_ text: String) -> Language {
        for s in text.unicodeScalars where (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) {
            return .zh
        }
        return .en
    }
}
