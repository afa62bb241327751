/// Splits tab-separated lines into columns. No quoting: quotes are ordinary characters,
/// as in the corpora's split files.
final class TSVRowReader {
    let lines: LineReader
    private let policy: InvalidUTF8Policy

    init(lines: LineReader, invalidUTF8: InvalidUTF8Policy) {
        self.lines = lines
        self.policy = invalidUTF8
    }

    /// The next line's columns, an error for an undecodable line, or nil at the end.
    func next() -> Result<ColumnRow, DataError>? {
        let policy = self.policy, lines = self.lines
        return lines.nextResult { bytes -> Result<ColumnRow, DataError> in
            // Split on the raw bytes (a tab byte never occurs inside a UTF-8 sequence),
            // then decode each column: much faster than splitting a decoded String.
            var columns: [String] = []
            var start = 0
            let n = bytes.count
            while true {
                var end = start
                while end < n && bytes[end] != 0x09 { end += 1 }
                switch UTF8Decoding.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]), policy: policy) {
                case .success(let s): columns.append(s)
                case .failure(let bad):
                    return .failure(DataError(file: lines.name, line: lines.lineNumber,
                                              reason: "invalid UTF-8 at byte \(start + bad.column)"))
                }
                if end >= n { break }
                start = end + 1
            }
            return .success(ColumnRow(line: lines.lineNumber, endOffset: lines.byteOffset, columns: columns))
        }
    }
}
