import Synchronization

/// Holds the current `ServiceModels` and swaps them atomically. A request takes the
/// current set once and keeps it to the end, so a reload never fails one in flight.
public final class ModelStore: Sendable {
    private let current = Mutex<ServiceModels?>(nil)
    private let reloading = Atomic<Bool>(false)

    public init(_ models: ServiceModels? = nil) {
        current.withLock { $0 = models }
    }

    /// The loaded models, or nil while they are still loading.
    public var models: ServiceModels? { current.withLock { $0 } }

    /// The loaded models, or 503 while they are still loading.
    func require() throws(APIError) -> ServiceModels {
        guard let m = models else { throw APIError.notReady }
        return m
    }

    public func install(_ models: ServiceModels) {
        current.withLock { $0 = models }
    }

    /// Runs `load` (slow: reads every model file) with no lock held, then swaps the result in.
    /// One reload at a time: a second concurrent one fails with `.reloadInProgress`.
    public func reload(_ load: () throws -> ServiceModels) throws -> ServiceModels {
        guard reloading.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            throw ServiceError.reloadInProgress
        }
        defer { reloading.store(false, ordering: .releasing) }
        let m = try load()
        install(m)
        return m
    }
}
