import Foundation

/// A value computed on another thread while the caller does something else: start-up
/// steps that do not depend on each other (loading models, parsing templates) overlap.
/// `value()` waits for it and rethrows what computing it threw.
public final class BackgroundResult<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before `done` is signalled; read only after waiting on it.
    private var result: Result<T, Error>?

    public init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The value, once computed (waits for it); any number of calls, from one thread at a time.
    public func value() throws -> T {
        done.wait()
        defer { done.signal() }
        return try result!.get()
    }
}
