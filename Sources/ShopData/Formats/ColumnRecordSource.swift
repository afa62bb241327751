/// TSV or CSV records: rows from a row reader, an optional header row, and a
/// `ColumnMapping` that picks the text and label columns.
final class ColumnRecordSource: RecordSource {
    private let lines: LineReader
    private let nextRow: () -> Result<ColumnRow, DataError>?
    private let hasHeader: Bool
    private let textField: FieldSelector?
    private let labelField: FieldSelector?
    private let defaultText: FieldSelector
    private var mapping: ColumnMapping?
    private var fatal = false
    private(set) var byteOffset: Int64 = 0

    init(lines: LineReader, nextRow: @escaping () -> Result<ColumnRow, DataError>?, hasHeader: Bool,
         textField: FieldSelector?, labelField: FieldSelector?, defaultText: FieldSelector) {
        self.lines = lines
        self.nextRow = nextRow
        self.hasHeader = hasHeader
        self.textField = textField
        self.labelField = labelField
        self.defaultText = defaultText
    }

    func next() -> Result<TextRecord, DataError>? {
        if fatal { return nil }
        if mapping == nil {
            var header: [String]?
            var headerLine: Int?
            if hasHeader {
                // The header must be readable: skip nothing, a broken header ends the stream.
                guard let first = nextRow() else { return nil }
                switch first {
                case .failure(let e):
                    fatal = true
                    return .failure(DataError(file: e.file, line: e.line, field: e.field, reason: "header row: " + e.reason))
                case .success(let row):
                    header = row.columns.map { $0.trimmingSpaces() }
                    headerLine = row.line
                    byteOffset = row.endOffset
                }
            }
            let text = textField ?? header.flatMap { h in
                RecordReaderOptions.defaultTextNames.first(where: h.contains).map(FieldSelector.name)
            } ?? defaultText
            do {
                mapping = try ColumnMapping(file: lines.name, header: header, headerLine: headerLine,
                                            text: text, label: labelField)
            } catch let e as DataError {
                fatal = true
                return .failure(e)
            } catch {
                fatal = true
                return .failure(DataError(file: lines.name, reason: "\(error)"))
            }
        }
        guard let row = nextRow() else { return nil }
        switch row {
        case .failure(let e):
            byteOffset = lines.byteOffset
            return .failure(e)
        case .success(let r):
            byteOffset = r.endOffset
            return mapping!.record(r)
        }
    }
}
