/// What a reader does with a record whose text is empty (or only whitespace).
public enum EmptyTextPolicy: String, Sendable, CaseIterable {
    /// Yield a `DataError` ("empty text") for the record.
    case error
    /// Drop the record silently.
    case skip
    /// Yield the record with its empty text.
    case keep
}
