/// The lines of a copywriting data file (templates, compliance lists, claims, the cleaning
/// lexicon) that hold an entry: trimmed, blank lines and `#` comments left out, each with
/// its 1-based line number for error messages. Every such file is read the same way.
///
/// Lines end at each LF byte. Splitting the `String` on the `Character` "\n" found the same
/// lines in an LF file (a line feed is a grapheme of its own), but none in a CRLF file ("\r\n"
/// is one grapheme), which then read as a single line.
enum DataFileLines {
    static func entries(_ text: String) -> [(number: Int, line: String)] {
        var out: [(number: Int, line: String)] = []
        for (i, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = String(Substring(raw)).trimmingCharactersInSet()
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((i + 1, line))
        }
        return out
    }
}
