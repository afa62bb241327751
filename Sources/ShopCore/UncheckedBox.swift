/// A value handed to other threads whose owner guarantees they use it safely (read only,
/// or on disjoint parts), which the compiler cannot see.
@frozen
public struct UncheckedBox<T>: @unchecked Sendable {
    public var value: T
    @inlinable public init(_ value: T) { self.value = value }
}
