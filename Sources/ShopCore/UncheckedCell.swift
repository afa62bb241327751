/// A mutable value shared with a callback whose owner guarantees no two threads touch it at
/// once (it runs on one thread, or is read only after that thread has been joined), which
/// the compiler cannot see. The class counterpart of `UncheckedBox`, for values a closure updates.
public final class UncheckedCell<T>: @unchecked Sendable {
    public var value: T
    public init(_ value: T) { self.value = value }
}
