/// Plain text: every line is a record whose text is the line.
final class TextLineRecordSource: RecordSource {
    private let lines: LineReader
    private let policy: InvalidUTF8Policy
    var byteOffset: Int64 { lines.byteOffset }

    init(lines: LineReader, invalidUTF8: InvalidUTF8Policy) {
        self.lines = lines
        self.policy = invalidUTF8
    }

    func next() -> Result<TextRecord, DataError>? {
        let policy = self.policy, lines = self.lines
        return lines.nextResult { bytes -> Result<TextRecord, DataError> in
            switch UTF8Decoding.decode(bytes, policy: policy) {
            case .success(let s): return .success(TextRecord(line: lines.lineNumber, text: s))
            case .failure(let bad): return .failure(DataError(file: lines.name, line: lines.lineNumber, reason: bad.reason))
            }
        }
    }
}
