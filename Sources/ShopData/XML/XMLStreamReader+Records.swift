extension XMLStreamReader {
    /// The next record of a streaming reader: reads on to the next element `isRecord`
    /// accepts and returns what `read` makes of it; nil at the end. Any error ends the
    /// stream (`finished` is set) and comes back once as a failure naming the file.
    func nextRecord<T>(finished: inout Bool, isRecord: () -> Bool, read: () throws -> T) -> Result<T, DataError>? {
        if finished { return nil }
        do {
            while try self.read() {
                if kind == .element, isRecord() { return .success(try read()) }
            }
            finished = true
            return nil
        } catch let e as DataError {
            finished = true
            return .failure(e)
        } catch {
            finished = true
            return .failure(DataError(file: name, reason: "\(error)"))
        }
    }
}
