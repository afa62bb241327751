/// The standard next-item split: each user's latest interaction (by timestamp, then by
/// input order) is held out; users with a single interaction stay entirely in training.
/// One review listed under several product variants (same user, time and text, as in the
/// Amazon 2018 5-core files) counts once, under its first item: otherwise the held-out
/// "next" item is usually a twin of one in training and every model looks perfect.
public struct LeaveLastOut: Sendable {
    public var train: [Interaction] = []
    public var test: [Interaction] = []

    public init(_ interactions: [Interaction]) {
        var byUser: [String: [Int]] = [:]
        var order: [String] = []
        for (n, x) in interactions.enumerated() {
            if byUser[x.user] == nil { order.append(x.user) }
            byUser[x.user, default: []].append(n)
        }
        for user in order {
            // Collapse repeats of the same item (product variants) before choosing the last.
            var seen = Set<String>(), seenEvents = Set<String>()
            let rows = byUser[user]!.filter { n in
                let x = interactions[n]
                if let text = x.text, !text.isEmpty, !seenEvents.insert("\(x.timestamp ?? -1)\u{1F}\(text)").inserted { return false }
                return seen.insert(x.item).inserted
            }
            let sorted = rows.sorted { a, b in
                let ta = interactions[a].timestamp ?? 0, tb = interactions[b].timestamp ?? 0
                return ta != tb ? ta < tb : a < b
            }
            if sorted.count < 2 { train.append(contentsOf: sorted.map { interactions[$0] }); continue }
            train.append(contentsOf: sorted.dropLast().map { interactions[$0] })
            test.append(interactions[sorted.last!])
        }
    }
}
