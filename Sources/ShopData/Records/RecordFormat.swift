/// The input formats `RecordReader` understands.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// One record per line; the line is the text.
    case text
    /// Tab-separated columns, no quoting (the corpora's `label<TAB>text` split files).
    case tsv
    /// RFC 4180 comma-separated values (quoted fields may hold commas, `""` and newlines).
    case csv
    /// JSON Lines: one JSON object per line.
    case jsonl
    /// XML: every element with the record name is a record (streamed with libxml2).
    case xml

    /// Guesses from the file extension: .tsv, .csv, .jsonl/.ndjson/.json, .xml/.review/.rss; else text.
    public static func guess(path: String) -> RecordFormat {
        let lower = path.lowercased()
        let ext = lower.split(separator: ".").last.map(String.init) ?? ""
        switch ext {
        case "tsv", "tab": return .tsv
        case "csv": return .csv
        case "jsonl", "ndjson", "json": return .jsonl
        case "xml", "review", "rss", "atom": return .xml
        default: return .text
        }
    }
}
