/// The standard next-item split: each user's latest interaction (by timestamp, then by
/// input order) is held out; users with a single interaction stay entirely in training.
/// One review listed under several product variants (same user, time and text, as in the
/// Amazon 2018 5-core files) counts once, under its first item: otherwise the held-out
/// "next" item is usually a twin of one in training and every model looks perfect.
public struct LeaveLastOut: Sendable {
    public var train: [Interaction] = []
    public var test: [Interaction] = []

    public init(_ interactions: [Interaction]) {
        for sorted in Self.histories(interactions) {
            if sorted.count < 2 { train.append(contentsOf: sorted.map { interactions[$0] }); continue }
            train.append(contentsOf: sorted.dropLast().map { interactions[$0] })
            test.append(interactions[sorted.last!])
        }
    }

    /// Each user's distinct events (indices into `interactions`), oldest first, users in
    /// order of first appearance. Repeats of the same item, and the same review (time and
    /// text) under another product variant, are dropped.
    static func histories(_ interactions: [Interaction]) -> [[Int]] {
        var byUser: [String: [Int]] = [:]
        var order: [String] = []
        for (n, x) in interactions.enumerated() {
            if byUser[x.user] == nil { order.append(x.user) }
            byUser[x.user, default: []].append(n)
        }
        return order.map { user in
            var seen = Set<String>(), seenEvents = Set<String>()
            let rows = byUser[user]!.filter { n in
                let x = interactions[n]
                if let text = x.text, !text.isEmpty, !seenEvents.insert("\(x.timestamp ?? -1)\u{1F}\(text)").inserted { return false }
                return seen.insert(x.item).inserted
            }
            return rows.sorted { a, b in
                let ta = interactions[a].timestamp ?? 0, tb = interactions[b].timestamp ?? 0
                return ta != tb ? ta < tb : a < b
            }
        }
    }
}
