/// A Bool set on the record-reading thread and read on the main thread after it has been
/// joined (`TagPipeline.run` returns only when the reader is done), so no lock is needed.
final class UncheckedFlag: @unchecked Sendable {
    var value = false
}
