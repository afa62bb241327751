/// What a reader does with bytes that are not valid UTF-8.
public enum InvalidUTF8Policy: String, Sendable, CaseIterable {
    /// The record (or line) becomes a `DataError` naming the byte column.
    case report
    /// Invalid sequences become U+FFFD and the record is kept.
    case replace
}
