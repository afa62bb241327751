import Foundation

/// Results that worker threads write into their input positions, each position by exactly
/// one worker, read once all workers have finished. `claim` hands out runs of positions so
/// threads that finish early take more work.
public final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>
    private var next = 0
    private let lock = NSLock()

    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    /// How many positions there are.
    public var count: Int { storage.count }

    /// The next `size` positions not yet claimed, or nil when all are.
    public func claim(_ size: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        if next >= storage.count { return nil }
        let r = next..<min(next + size, storage.count)
        next = r.upperBound
        return r
    }

    /// Writes position `i` (only its owner may).
    public func set(_ i: Int, _ value: T) { storage[i] = value }

    /// Position `i`, nil when never written.
    public subscript(i: Int) -> T? { storage[i] }

    /// Every position in order; each must have been written.
    public func values() -> [T] { storage.map { $0! } }
}
