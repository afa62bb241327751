import ShopData

/// Carries a record's id into its output line, so a caller that reorders or splits the
/// stream (Spark's `RDD.pipe`, Hadoop Streaming) can join results back by id, not position.
enum RecordID {
    /// Stamps `"id"` first into `tagged`'s JSON when `field` is set and the record parsed.
    /// A parsed record without that field becomes an error line: its result could not be
    /// joined back, and dropping it silently would lose it. Returns the id written, if any.
    static func apply(_ field: String?, record: Result<TextRecord, DataError>, to tagged: inout RecordTagger.Tagged) -> String? {
        guard let field, case .success(let rec) = record else { return nil }
        guard let id = rec.fields[field] else {
            if tagged.error == nil {
                tagged = RecordTagger.errorLine(line: rec.line, reason: "no \(field) field in this record (--id-field)")
            }
            return nil
        }
        var out = "{\"id\":"
        JSONText.string(id, into: &out)
        out.append(",")
        out.append(contentsOf: tagged.json.dropFirst())
        tagged.json = out
        return id
    }
}
