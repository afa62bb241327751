/// How `RecordReader` reads a source: the format and which fields hold the text and label.
public struct RecordReaderOptions: Sendable, Equatable {
    /// The input format.
    public var format: RecordFormat
    /// The field holding the text. When nil: TSV column 2 (column 1 if the label is not
    /// column 1), otherwise the first of `RecordReaderOptions.defaultTextNames` present.
    public var textField: FieldSelector?
    /// The field holding the label, when there is one. When nil: TSV column 1 unless
    /// `textField` is set (text-only TSV); no label for the other formats.
    public var labelField: FieldSelector?
    /// Whether the first CSV/TSV record names the columns. nil: yes for CSV, no for TSV.
    public var header: Bool?
    /// The CSV field delimiter (ASCII), `,` by default; `;` is common in European exports.
    public var csvDelimiter: UInt8
    /// XML: the name of the elements that are records, e.g. `review`, `item`, `sentence`
    /// (qualified names such as `g:product` match as written in the file).
    public var recordElement: String
    /// Invalid UTF-8: report the record as an error, or replace the bytes with U+FFFD.
    public var invalidUTF8: InvalidUTF8Policy
    /// Records whose text is empty or whitespace.
    public var emptyText: EmptyTextPolicy
    /// Turn the text from HTML into plain text (tags dropped, entities decoded) with `HTMLText`.
    public var stripHTML: Bool
    /// A CSV record whose quotes are not closed within this many lines is reported as an
    /// error and reading resumes on its second line (bounded memory on broken files).
    public var maxRecordLines: Int
    /// Cut each record's text to this many characters (before HTML stripping, so one huge
    /// record cannot cost the parser gigabytes); the record says it was cut. nil: no cap.
    public var textLimit: TextLimit?

    /// Text field names tried in order when `textField` is nil (JSON, CSV with header, XML).
    public static let defaultTextNames = ["text", "reviewText", "review_text", "review", "content", "body", "sentence", "description"]

    public init(format: RecordFormat = .tsv, textField: FieldSelector? = nil, labelField: FieldSelector? = nil,
                header: Bool? = nil, csvDelimiter: UInt8 = UInt8(ascii: ","), recordElement: String = "review",
                invalidUTF8: InvalidUTF8Policy = .report, emptyText: EmptyTextPolicy = .error,
                stripHTML: Bool = false, maxRecordLines: Int = 10_000, textLimit: TextLimit? = nil) {
        self.format = format
        self.textField = textField
        self.labelField = labelField
        self.header = header
        self.csvDelimiter = csvDelimiter
        self.recordElement = recordElement
        self.invalidUTF8 = invalidUTF8
        self.emptyText = emptyText
        self.stripHTML = stripHTML
        self.maxRecordLines = maxRecordLines
        self.textLimit = textLimit
    }
}
