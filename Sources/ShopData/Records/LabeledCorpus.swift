/// Loaders for training code: a whole labelled split in memory, failing on the first bad line.
public enum LabeledCorpus {
    /// Reads a `label<TAB>text` file (the corpora's train/dev/test.tsv). Throws a
    /// `DataError` naming file:line on the first line without a tab, with an empty label
    /// or text, or with invalid UTF-8.
    public static func load(tsv path: String) throws -> [(label: String, text: String)] {
        var out: [(label: String, text: String)] = []
        for r in try RecordReader(path: path, options: RecordReaderOptions(format: .tsv)) {
            let rec = try r.get()
            guard let label = rec.label, !label.isEmpty else {
                throw DataError(file: path, line: rec.line, field: "label", reason: "empty label")
            }
            out.append((label, rec.text))
        }
        return out
    }

    /// Reads any format into records, failing on the first bad record.
    public static func load(_ source: InputSource, options: RecordReaderOptions) throws -> [TextRecord] {
        var out: [TextRecord] = []
        for r in try RecordReader(source, options: options) { out.append(try r.get()) }
        return out
    }

    /// Counts records per label (for reports and sanity checks).
    public static func labelCounts(_ examples: [(label: String, text: String)]) -> [String: Int] {
        examples.reduce(into: [:]) { $0[$1.label, default: 0] += 1 }
    }
}
