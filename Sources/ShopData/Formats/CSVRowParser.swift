/// Splits RFC 4180 CSV into rows, streaming line by line: quoted fields may hold the
/// delimiter, doubled quotes and line breaks (a row's line is the one it starts on).
/// A quote in an unquoted field is kept as a character. When a row is malformed
/// (text after a closing quote, or quotes still open after `maxRecordLines` lines or at
/// the end of the input) it is reported at its first line and parsing resumes on the
/// line after that, so one stray quote costs one row, not the rest of the file.
/// Blank lines outside quotes are skipped.
final class CSVRowParser {
    private let lines: LineReader
    private let delimiter: UInt8
    private let policy: InvalidUTF8Policy
    private let maxRecordLines: Int
    private var replay: [RawLine] = []   // lines to parse again after a malformed row
    private var replayIndex = 0
    private var done = false

    init(lines: LineReader, delimiter: UInt8, invalidUTF8: InvalidUTF8Policy, maxRecordLines: Int) {
        self.lines = lines
        self.delimiter = delimiter
        self.policy = invalidUTF8
        self.maxRecordLines = max(1, maxRecordLines)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private func nextLine() throws -> RawLine? {
        if replayIndex < replay.count {
            let l = replay[replayIndex]
            replayIndex += 1
            if replayIndex == replay.count { replay.removeAll(keepingCapacity: true); replayIndex = 0 }
            return l
        }
        return try lines.nextLine()
    }

    /// Puts back every consumed line but the first, to be parsed again.
    private func resume(after consumed: [RawLine]) {
        let rest = consumed.dropFirst()
        replay = Array(rest) + replay[replayIndex...]
        replayIndex = 0
    }

    /// The next row, an error for a malformed one, or nil at the end.
    func next() -> Result<ColumnRow, DataError>? {
        if done { return nil }
        var consumed: [RawLine] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        let quote = UInt8(ascii: "\"")
        while true {
            let line: RawLine?
            do { line = try nextLine() } catch let e as DataError {
                return .failure(e)
            } catch {
                done = true
                return .failure(DataError(file: lines.name, reason: "\(error)"))
            }
            guard let line else {
                if consumed.isEmpty { done = true; return nil }
                let first = consumed[0].number
                resume(after: consumed)
                return .failure(DataError(file: lines.name, line: first,
                                          reason: "quoted field not closed before the end of the input"))
            }
            if consumed.isEmpty && line.bytes.isEmpty { continue }
            consumed.append(line)
            for (k, b) in line.bytes.enumerated() {
                switch state {
                case .fieldStart:
                    if b == quote { state = .quoted }
                    else if b == delimiter { fields.append(field); field.removeAll(keepingCapacity: true) }
                    else { field.append(b); state = .unquoted }
                case .unquoted:
                    if b == delimiter { fields.append(field); field.removeAll(keepingCapacity: true); state = .fieldStart }
                    else { field.append(b) }
                case .quoted:
                    if b == quote { state = .quoteInQuoted } else { field.append(b) }
                case .quoteInQuoted:
                    if b == quote { field.append(quote); state = .quoted }
                    else if b == delimiter { fields.append(field); field.removeAll(keepingCapacity: true); state = .fieldStart }
                    else {
                        let first = consumed[0].number
                        let at = consumed.count == 1 ? "byte \(k + 1)" : "line \(line.number), byte \(k + 1)"
                        resume(after: consumed)
                        return .failure(DataError(file: lines.name, line: first,
                                                  reason: "unexpected character after a closing quote (at \(at)); a quote inside a quoted field must be doubled"))
                    }
                }
            }
            if state == .quoted {
                if consumed.count >= maxRecordLines {
                    let first = consumed[0].number
                    resume(after: consumed)
                    return .failure(DataError(file: lines.name, line: first,
                                              reason: "quoted field not closed within \(maxRecordLines) lines"))
                }
                field.append(0x0A)
                continue
            }
            fields.append(field)
            return decode(fields, line: consumed[0].number, endOffset: line.endOffset)
        }
    }

    private func decode(_ fields: [[UInt8]], line: Int, endOffset: Int64) -> Result<ColumnRow, DataError> {
        var columns: [String] = []
        columns.reserveCapacity(fields.count)
        for (k, f) in fields.enumerated() {
            switch UTF8Decoding.decode(f, policy: policy) {
            case .success(let s): columns.append(s)
            case .failure(let bad):
                return .failure(DataError(file: lines.name, line: line, field: "column \(k + 1)", reason: bad.reason))
            }
        }
        return .success(ColumnRow(line: line, endOffset: endOffset, columns: columns))
    }
}
