/// A cap on the characters (Unicode scalars) of one record's text.
///
/// Why: a single 20 MB line cost `chat` 2.58 GB and 108 s and `tag` 863 MB (issue 20);
/// no review, message or utterance is that long, so commands cut each record to a few
/// thousand characters and say so per record instead of letting one line exhaust memory.
public struct TextLimit: Sendable, Equatable {
    /// The most characters kept.
    public var maxChars: Int

    public init(maxChars: Int) {
        self.maxChars = max(1, maxChars)
    }

    /// Default for tagging and tokenising (reviews, product text).
    public static let tagging = TextLimit(maxChars: 20_000)
    /// Default for chat messages and intent utterances.
    public static let message = TextLimit(maxChars: 2_000)

    /// `text` cut to `maxChars` characters, and its original length when it was cut.
    public func apply(_ text: String) -> (text: String, originalChars: Int?) {
        // A scalar takes at least one UTF-8 byte, so a short byte count proves a short text
        // without walking it.
        if text.utf8.count <= maxChars { return (text, nil) }
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: maxChars, limitedBy: scalars.endIndex),
              cut != scalars.endIndex else { return (text, nil) }
        return (String(scalars[..<cut]), scalars.count)
    }

    /// The per-record warning for a cut text (no content, only where and how long).
    public func warning(file: String, line: Int, originalChars: Int) -> String {
        "\(file):\(line): text of \(originalChars) characters truncated to \(maxChars) (--max-chars)"
    }
}
