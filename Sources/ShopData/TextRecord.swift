/// One input record as every reader yields it: where it came from, its text, and
/// its other fields. Line numbers are 1-based and point at the record's first line.
public struct TextRecord: Sendable, Equatable {
    /// 1-based line number in the source where the record starts.
    public var line: Int
    /// The text to analyse (for TSV the second column, for JSON/CSV/XML the chosen field).
    public var text: String
    /// The label, when the format carries one (TSV first column, XML rating, …).
    public var label: String?
    /// All named fields of the record (JSON keys, CSV header names, XML child elements).
    public var fields: [String: String]
    /// The text's original length in characters when `RecordReaderOptions.textLimit` cut it.
    public var truncatedFromChars: Int?

    public init(line: Int, text: String, label: String? = nil, fields: [String: String] = [:]) {
        self.line = line
        self.text = text
        self.label = label
        self.fields = fields
    }
}
