extension LineReader {
    /// Every line of `source` as text (for inputs small enough to hold: gold files, word
    /// lists, benchmark corpora). A line that is not valid UTF-8 stops the read with an
    /// error naming the file and line.
    public static func lines(of source: InputSource) throws -> [String] {
        let reader = try LineReader(source)
        var lines: [String] = []
        while let raw = try reader.nextLine() {
            guard let line = String(validating: raw.bytes, as: UTF8.self) else {
                throw DataError(file: reader.name, line: raw.number, reason: "invalid UTF-8")
            }
            lines.append(line)
        }
        return lines
    }
}
