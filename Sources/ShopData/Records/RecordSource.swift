/// One format's record stream, as `RecordReader` drives it.
protocol RecordSource: AnyObject {
    /// The next record or a per-record error; nil at the end.
    func next() -> Result<TextRecord, DataError>?
    /// Bytes consumed so far (up to the end of the last record returned).
    var byteOffset: Int64 { get }
}
