#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one record stream for batch tools: opens a file or standard input in any
/// `RecordFormat` and yields one `Result` per record, so a bad record (invalid UTF-8, a
/// broken JSON line, unbalanced CSV quotes, empty text, a missing field) is reported with
/// its line and reason while reading goes on. Memory stays bounded by the longest record.
///
///     let reader = try RecordReader(.file("reviews.jsonl"),
///                                   options: .init(format: .jsonl, textField: .name("reviewText")))
///     for result in reader {
///         switch result {
///         case .success(let record): use(record.text, record.label)
///         case .failure(let error): print(error)          // file:line: reason
///         }
///     }
///
/// Opening fails (throws) only when the input cannot be opened at all; XML that turns out
/// malformed ends the stream with one error (libxml2 cannot resume after it).
public final class RecordReader: Sequence, IteratorProtocol {
    public let source: InputSource
    public let options: RecordReaderOptions
    /// The input size in bytes when it is a regular file, for progress and ETA.
    public let totalBytes: Int64?
    private let impl: RecordSource

    /// Opens `source`; `.auto`-like guessing is available via `RecordFormat.guess(path:)`.
    public init(_ source: InputSource, options: RecordReaderOptions) throws {
        self.source = source
        self.options = options
        switch options.format {
        case .xml:
            impl = try XMLRecordSource(source, options: options)
            totalBytes = Self.size(of: source)
        case .text:
            let lines = try LineReader(source)
            impl = TextLineRecordSource(lines: lines, invalidUTF8: options.invalidUTF8)
            totalBytes = lines.totalBytes
        case .jsonl:
            let lines = try LineReader(source)
            impl = try JSONLinesRecordSource(lines: lines, options: options)
            totalBytes = lines.totalBytes
        case .tsv:
            let lines = try LineReader(source)
            let rows = TSVRowReader(lines: lines, invalidUTF8: options.invalidUTF8)
            let label: FieldSelector? = options.labelField ?? (options.textField == nil ? .column(1) : nil)
            impl = ColumnRecordSource(lines: lines, nextRow: rows.next, hasHeader: options.header ?? false,
                                      textField: options.textField, labelField: label,
                                      defaultText: label == .column(1) ? .column(2) : .column(1))
            totalBytes = lines.totalBytes
        case .csv:
            let lines = try LineReader(source)
            let rows = CSVRowParser(lines: lines, delimiter: options.csvDelimiter,
                                    invalidUTF8: options.invalidUTF8, maxRecordLines: options.maxRecordLines)
            let header = options.header ?? true
            impl = ColumnRecordSource(lines: lines, nextRow: rows.next, hasHeader: header,
                                      textField: options.textField, labelField: options.labelField,
                                      defaultText: .column(1))
            totalBytes = lines.totalBytes
        }
    }

    /// Opens a file path (`-` for standard input).
    public convenience init(path: String, options: RecordReaderOptions) throws {
        try self.init(InputSource(argument: path), options: options)
    }

    /// Bytes consumed up to the end of the last record returned (XML: what the parser has
    /// read, slightly ahead). With `totalBytes` it gives progress.
    public var byteOffset: Int64 { impl.byteOffset }

    /// The next record or per-record error; nil at the end of the input.
    public func next() -> Result<TextRecord, DataError>? {
        while let r = impl.next() {
            guard case .success(var record) = r else { return r }
            if let limit = options.textLimit {
                let capped = limit.apply(record.text)
                if let n = capped.originalChars { record.text = capped.text; record.truncatedFromChars = n }
            }
            if options.stripHTML { record.text = HTMLText.plainText(record.text) }
            if options.emptyText != .keep, record.text.allSatisfy(\.isWhitespace) {
                if options.emptyText == .skip { continue }
                let field = options.textField?.description ?? (options.format == .text ? nil : "text")
                return .failure(DataError(file: source.name, line: record.line, field: field, reason: "empty text"))
            }
            return .success(record)
        }
        return nil
    }

    /// Reads every record, splitting good ones from errors (for small inputs and tests).
    public func readAll() -> (records: [TextRecord], errors: [DataError]) {
        var records: [TextRecord] = []
        var errors: [DataError] = []
        for r in self {
            switch r {
            case .success(let rec): records.append(rec)
            case .failure(let e): errors.append(e)
            }
        }
        return (records, errors)
    }

    private static func size(of source: InputSource) -> Int64? {
        guard case .file(let path) = source else { return nil }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(st.st_size)
    }
}
