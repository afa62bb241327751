/// JSON Lines records: each non-blank line is one JSON object; the text (and label) are
/// fields picked by name (dotted for nested objects), and every scalar member is kept in
/// `fields`. A broken line is an error naming its line and column; the stream goes on.
final class JSONLinesRecordSource: RecordSource {
    private let lines: LineReader
    private let policy: InvalidUTF8Policy
    private let textField: String?
    private let labelField: String?
    var byteOffset: Int64 { lines.byteOffset }

    init(lines: LineReader, options: RecordReaderOptions) throws {
        self.lines = lines
        self.policy = options.invalidUTF8
        func name(_ sel: FieldSelector?, _ role: String) throws -> String? {
            switch sel {
            case nil: return nil
            case .name(let n): return n
            case .column(let c):
                throw DataError(file: lines.name, field: String(c), reason: "JSON Lines fields are chosen by name, not by column number (\(role) field)")
            }
        }
        textField = try name(options.textField, "text")
        labelField = try name(options.labelField, "label")
    }

    func next() -> Result<TextRecord, DataError>? {
        do {
            while true {
                let result = try lines.withNextLine { bytes -> Result<TextRecord, DataError>? in
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }  // blank line
                    return parse(bytes)
                }
                switch result {
                case .none: return nil              // end of input
                case .some(.none): continue          // blank line
                case .some(.some(let r)): return r
                }
            }
        } catch let e as DataError {
            return .failure(e)
        } catch {
            return .failure(DataError(file: lines.name, reason: "\(error)"))
        }
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<TextRecord, DataError> {
        let line = lines.lineNumber
        let parsed: Result<[String: String], JSONSyntaxError>
        if String(validating: bytes, as: UTF8.self) != nil {
            parsed = JSONObjectParser.parse(bytes)
        } else if policy == .replace {
            var fixed = String(decoding: bytes, as: UTF8.self)
            parsed = fixed.withUTF8 { JSONObjectParser.parse($0) }
        } else {
            let col = UTF8Decoding.firstInvalidByte(bytes) + 1
            return .failure(DataError(file: lines.name, line: line, reason: "invalid UTF-8 at byte \(col)"))
        }
        switch parsed {
        case .failure(let e):
            return .failure(DataError(file: lines.name, line: line, reason: "JSON: \(e.reason) (at byte \(e.column))"))
        case .success(let fields):
            let textKey = textField ?? RecordReaderOptions.defaultTextNames.first { fields[$0] != nil }
            guard let textKey, let text = fields[textKey] else {
                let wanted = textField ?? RecordReaderOptions.defaultTextNames.joined(separator: "|")
                return .failure(DataError(file: lines.name, line: line, field: wanted, reason: "no such field in this record"))
            }
            var label: String?
            if let labelField {
                guard let l = fields[labelField] else {
                    return .failure(DataError(file: lines.name, line: line, field: labelField, reason: "no such field in this record"))
                }
                label = l
            }
            return .success(TextRecord(line: line, text: text, label: label, fields: fields))
        }
    }
}
