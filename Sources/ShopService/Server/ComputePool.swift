import Foundation
import Synchronization

/// Runs model work on a fixed number of threads, off Swift's cooperative pool and NIO's
/// event loops, with a deadline: a job not finished in time is answered with 503 (a job
/// still waiting in the queue is skipped; one already running finishes and is dropped,
/// since model code cannot be interrupted halfway).
///
/// The deadline is checked where a job starts and where it ends, so a job finished late is
/// answered 503 exactly as before; `DeadlineWatch` answers the ones still queued or running
/// long after their deadline. (A `DispatchQueue.asyncAfter` timer per request did the same
/// with a timer registration and a manager-thread wake-up on every chat turn.)
public final class ComputePool: Sendable {
    private let queue: QueueBox
    private let watch = DeadlineWatch()

    public init(threads: Int) {
        queue = QueueBox(threads: max(1, threads))
    }

    /// Runs `work` on a compute thread; throws `APIError.timedOut` after `limit`.
    func run<T: Sendable>(limit: Duration, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let once = Once()
        let nanos = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        let deadline = DeadlineWatch.now() &+ UInt64(max(0, nanos))
        let watch = watch
        return try await withCheckedThrowingContinuation { (cont: CheckedContinuation<T, Error>) in
            let ticket = watch.add(deadline: deadline) {
                if once.claim() { cont.resume(throwing: APIError.timedOut) }
            }
            queue.add {
                // Timed out while queued: nobody is waiting for the answer.
                if once.isDone { return }
                if DeadlineWatch.now() >= deadline {
                    watch.remove(ticket)
                    if once.claim() { cont.resume(throwing: APIError.timedOut) }
                    return
                }
                let result = Result { try work() }
                watch.remove(ticket)
                let late = DeadlineWatch.now() >= deadline
                if once.claim() { late ? cont.resume(throwing: APIError.timedOut) : cont.resume(with: result) }
            }
        }
    }
}

/// `OperationQueue` is thread-safe but not marked Sendable.
private final class QueueBox: @unchecked Sendable {
    let queue = OperationQueue()
    init(threads: Int) {
        queue.maxConcurrentOperationCount = threads
        queue.qualityOfService = .userInitiated
    }
    func add(_ block: @escaping @Sendable () -> Void) { queue.addOperation(block) }
}

/// Whoever claims first answers the request.
private final class Once: Sendable {
    private let done = Atomic<Bool>(false)
    var isDone: Bool { done.load(ordering: .acquiring) }
    func claim() -> Bool {
        done.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}
