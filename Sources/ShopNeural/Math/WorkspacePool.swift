import Foundation

/// A lock-protected stack of reusable scratch objects. A caller takes one for the
/// length of a call and gives it back, so concurrent calls never share one, and
/// repeated calls don't re-allocate (and re-fault) tens of megabytes.
final class WorkspacePool<W: AnyObject>: @unchecked Sendable {
    private var idle: [W] = []
    private let lock = NSLock()
    private let make: () -> W
    /// At most this many idle workspaces are kept.
    private let limit: Int

    init(limit: Int = 4, make: @escaping () -> W) {
        self.make = make
        self.limit = limit
    }

    func take() -> W {
        lock.lock()
        let w = idle.popLast()
        lock.unlock()
        return w ?? make()
    }

    func give(_ w: W) {
        lock.lock()
        if idle.count < limit { idle.append(w) }
        lock.unlock()
    }
}
