import Foundation
import Synchronization

/// Calls each registered `expire` once its deadline has passed, unless it was removed first.
/// One thread per watch checks every `interval` while anything is registered and sleeps
/// otherwise; registering and removing are a lock and a dictionary update, so the common case
/// (a job done in time, removed by its worker) costs no timer and no thread wake-up.
final class DeadlineWatch: Sendable {
    /// How late an expiry may be noticed (jobs finishing late are answered 503 by the pool itself).
    static let interval: Double = 0.02

    private struct Entry { var deadline: UInt64; var expire: @Sendable () -> Void }
    private struct State {
        var entries: [UInt64: Entry] = [:]
        var next: UInt64 = 0
        var threadRunning = false
    }
    private let state = Mutex(State())

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Registers `expire` for `deadline` (monotonic nanoseconds); the ticket removes it.
    func add(deadline: UInt64, expire: @escaping @Sendable () -> Void) -> UInt64 {
        let (ticket, start) = state.withLock { s -> (UInt64, Bool) in
            s.next &+= 1
            s.entries[s.next] = Entry(deadline: deadline, expire: expire)
            let start = !s.threadRunning
            s.threadRunning = true
            return (s.next, start)
        }
        if start {
            let t = Thread { [self] in self.loop() }
            t.name = "shopnlp-deadlines"
            t.start()
        }
        return ticket
    }

    func remove(_ ticket: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket) }
    }

    /// Runs while anything is registered; the next `add` starts a new thread after it ends.
    private func loop() {
        while true {
            Thread.sleep(forTimeInterval: Self.interval)
            let now = Self.now()
            let (due, stop) = state.withLock { s -> ([@Sendable () -> Void], Bool) in
                var due: [@Sendable () -> Void] = []
                for (k, e) in s.entries where e.deadline <= now {
                    due.append(e.expire)
                    s.entries[k] = nil
                }
                if s.entries.isEmpty { s.threadRunning = false; return (due, true) }
                return (due, false)
            }
            for f in due { f() }
            if stop { return }
        }
    }
}
