import Foundation

extension LineReader {
    /// Feeds the rest of the input to `body` line by line as text cut to `limit`, for the
    /// line-in/line-out commands: a line the reader refuses (a UTF-16 file, an over-long line)
    /// or that is not UTF-8 is reported on stderr as `<errorPrefix><what>` and counted, and
    /// the rest goes on; a cut line gets a `<warningPrefix>` note. `invalidUTF8` says what
    /// happens to a non-UTF-8 line (the message's end) and runs after it is reported.
    /// Returns how many lines failed, so the command's exit status can say so.
    public func forEachText(limit: TextLimit, errorPrefix: String, warningPrefix: String,
                            invalidUTF8: (note: String, then: () -> Void), _ body: (String) throws -> Void) throws -> Int {
        var failed = 0
        while true {
            let raw: RawLine
            do {
                guard let next = try nextLine() else { break }
                raw = next
            } catch let e as DataError {
                failed += 1
                Self.note(errorPrefix + "\(e)")
                continue
            }
            guard let line = String(validating: raw.bytes, as: UTF8.self) else {
                failed += 1
                Self.note(errorPrefix + "\(name):\(raw.number): invalid UTF-8; " + invalidUTF8.note)
                invalidUTF8.then()
                continue
            }
            // Cut before anything else walks the text (trimming a 20 MB line alone takes a second).
            let capped = limit.apply(line)
            if let n = capped.originalChars {
                Self.note(warningPrefix + limit.warning(file: name, line: raw.number, originalChars: n))
            }
            try body(capped.text)
        }
        return failed
    }

    private static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
