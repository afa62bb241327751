/// The lines of a copywriting data file (templates, compliance lists, claims, the cleaning
/// lexicon) that hold an entry: trimmed, blank lines and `#` comments left out, each with
/// its 1-based line number for error messages. Every such file is read the same way.
enum DataFileLines {
    static func entries(_ text: String) -> [(number: Int, line: String)] {
        var out: [(number: Int, line: String)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharactersInSet()
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((i + 1, line))
        }
        return out
    }
}
