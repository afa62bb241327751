import Foundation
import Synchronization

/// The live chat sessions: least recently used first, forgotten after `ttl` idle, and at
/// most `capacity` of them (making room evicts the one idle longest). Ids of sessions that
/// ended that way are remembered for a while, so a client coming back is told why it got
/// a fresh session instead of silently losing its conversation.
final class ChatSessionStore: Sendable {
    /// What happened to the session a request named.
    enum Status: Equatable, Sendable {
        /// The session went on.
        case continued
        /// No session was named: a new one was started.
        case started
        /// The named session is gone (`expired`, `evicted`, `ended` or `unknown`): a new one was started.
        case restarted(reason: String)
    }

    private struct Entry {
        var conversation: ChatConversation
        var lastUsed: UInt64
        var older: String?
        var newer: String?
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var oldest: String?
        var newest: String?
        var forgotten: [String: String] = [:]
        var forgottenOrder: [String] = []
        var forgottenStart = 0
        var expired = 0
        var evicted = 0
    }

    let ttlNanos: UInt64
    let capacity: Int
    private let clock: @Sendable () -> UInt64
    private let state = Mutex(State())

    /// `clock` is monotonic nanoseconds (tests pass a manual one).
    init(ttl: Duration, capacity: Int, clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        let c = ttl.components
        ttlNanos = UInt64(max(0, c.seconds)) * 1_000_000_000 + UInt64(max(0, c.attoseconds / 1_000_000_000))
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    var liveCount: Int { state.withLock { sweep(&$0, now: clock()); return $0.entries.count } }
    var expiredTotal: Int { state.withLock { $0.expired } }
    var evictedTotal: Int { state.withLock { $0.evicted } }

    /// The named session (touched), or a new one made by `make(newID)` with the reason.
    func checkout(_ id: String?, make: (String) -> ChatConversation) -> (ChatConversation, Status) {
        let now = clock()
        return state.withLock { s in
            sweep(&s, now: now)
            if let id, var e = s.entries[id] {
                e.lastUsed = now
                s.entries[id] = e
                moveToNewest(&s, id)
                return (e.conversation, .continued)
            }
            let status: Status = id.map { .restarted(reason: s.forgotten[$0] ?? "unknown") } ?? .started
            while s.entries.count >= capacity, let victim = s.oldest {
                remove(&s, victim, reason: "evicted")
                s.evicted += 1
            }
            let newID = Self.newID()
            let conversation = make(newID)
            append(&s, newID, Entry(conversation: conversation, lastUsed: now, older: nil, newer: nil))
            return (conversation, status)
        }
    }

    /// The live session by that id (touched), or nil; never starts one.
    func live(_ id: String) -> ChatConversation? {
        let now = clock()
        return state.withLock { s in
            sweep(&s, now: now)
            guard var e = s.entries[id] else { return nil }
            e.lastUsed = now
            s.entries[id] = e
            moveToNewest(&s, id)
            return e.conversation
        }
    }

    /// Ends a session; false when there was none by that id.
    func end(_ id: String) -> Bool {
        state.withLock { s in
            sweep(&s, now: clock())
            guard s.entries[id] != nil else { return false }
            remove(&s, id, reason: "ended")
            return true
        }
    }

    /// 128 random bits as hex: unguessable, so one client cannot walk into another's session.
    static func newID() -> String {
        var g = SystemRandomNumberGenerator()
        let a = g.next() as UInt64, b = g.next() as UInt64
        func hex(_ x: UInt64) -> String { let h = String(x, radix: 16); return String(repeating: "0", count: 16 - h.count) + h }
        return hex(a) + hex(b)
    }

    private func sweep(_ s: inout State, now: UInt64) {
        while let id = s.oldest, let e = s.entries[id], now &- e.lastUsed >= ttlNanos, now >= e.lastUsed {
            remove(&s, id, reason: "expired")
            s.expired += 1
        }
    }

    private func append(_ s: inout State, _ id: String, _ entry: Entry) {
        var e = entry
        e.older = s.newest
        e.newer = nil
        if let n = s.newest { s.entries[n]?.newer = id }
        s.newest = id
        if s.oldest == nil { s.oldest = id }
        s.entries[id] = e
    }

    private func unlink(_ s: inout State, _ id: String) -> Entry? {
        guard let e = s.entries.removeValue(forKey: id) else { return nil }
        if let o = e.older { s.entries[o]?.newer = e.newer } else { s.oldest = e.newer }
        if let n = e.newer { s.entries[n]?.older = e.older } else { s.newest = e.older }
        return e
    }

    private func moveToNewest(_ s: inout State, _ id: String) {
        guard s.newest != id, let e = unlink(&s, id) else { return }
        append(&s, id, e)
    }

    private func remove(_ s: inout State, _ id: String, reason: String) {
        _ = unlink(&s, id)
        s.forgotten[id] = reason
        s.forgottenOrder.append(id)
        // Remember as many forgotten ids as there can be live sessions, oldest dropped first.
        if s.forgottenOrder.count - s.forgottenStart > capacity {
            s.forgotten[s.forgottenOrder[s.forgottenStart]] = nil
            s.forgottenStart += 1
            if s.forgottenStart > 4096 && s.forgottenStart * 2 > s.forgottenOrder.count {
                s.forgottenOrder.removeFirst(s.forgottenStart)
                s.forgottenStart = 0
            }
        }
    }
}
