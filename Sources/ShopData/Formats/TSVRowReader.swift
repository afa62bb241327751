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
        let policy = self.policy
        do {
            return try lines.withNextLine { bytes -> Result<ColumnRow, DataError> in
                switch UTF8Decoding.decode(bytes, policy: policy) {
                case .failure(let bad):
                    return .failure(DataError(file: lines.name, line: lines.lineNumber, reason: bad.reason))
                case .success(let text):
                    let columns = text.utf8.split(separator: 0x09, omittingEmptySubsequences: false)
                        .map { String(Substring($0)) }
                    return .success(ColumnRow(line: lines.lineNumber, endOffset: lines.byteOffset, columns: columns))
                }
            }
        } catch let e as DataError {
            return .failure(e)
        } catch {
            return .failure(DataError(file: lines.name, reason: "\(error)"))
        }
    }
}
