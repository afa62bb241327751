/// Adapts `XMLRecordReader` to `RecordReader`: the text and label are record fields picked by name.
final class XMLRecordSource: RecordSource {
    private let reader: XMLRecordReader
    private let textField: String?
    private let labelField: String?
    var byteOffset: Int64 { reader.byteOffset }

    init(_ source: InputSource, options: RecordReaderOptions) throws {
        reader = try XMLRecordReader(source, recordElement: options.recordElement)
        func name(_ sel: FieldSelector?) throws -> String? {
            switch sel {
            case nil: return nil
            case .name(let n): return n
            case .column(let c):
                throw DataError(file: source.name, field: String(c), reason: "XML fields are chosen by element or attribute name, not by number")
            }
        }
        textField = try name(options.textField)
        labelField = try name(options.labelField)
    }

    func next() -> Result<TextRecord, DataError>? {
        guard let r = reader.next() else { return nil }
        switch r {
        case .failure(let e): return .failure(e)
        case .success(let rec):
            let key = textField ?? RecordReaderOptions.defaultTextNames.first { rec[$0] != nil }
            guard let key, let text = rec[key] else {
                return .failure(DataError(file: reader.name, line: rec.line,
                                          field: textField ?? RecordReaderOptions.defaultTextNames.joined(separator: "|"),
                                          reason: "no such field in this <\(reader.recordElement)>"))
            }
            var label: String?
            if let labelField {
                guard let l = rec[labelField] else {
                    return .failure(DataError(file: reader.name, line: rec.line, field: labelField,
                                              reason: "no such field in this <\(reader.recordElement)>"))
                }
                label = l
            }
            return .success(TextRecord(line: rec.line, text: text, label: label, fields: rec.fields))
        }
    }
}
