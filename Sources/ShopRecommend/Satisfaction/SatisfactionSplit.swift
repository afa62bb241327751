import ShopNeural

/// A seeded random hold-out for the satisfaction evaluation: of each user with at least two
/// distinct items, a share (at least one, never all) is held out. Random rather than
/// latest-only, so each seed gives a different split and the spread over seeds covers the
/// data as well as the ALS initialisation. Product-variant repeats count once, as in `LeaveLastOut`.
public struct SatisfactionSplit: Sendable {
    public var train: [Interaction] = []
    public var heldOut: [Interaction] = []

    public init(_ interactions: [Interaction], seed: UInt64, fraction: Double = 0.2) {
        var rng = SeededRandom(seed: seed)
        for history in LeaveLastOut.histories(interactions) {
            guard history.count >= 2 else { train.append(contentsOf: history.map { interactions[$0] }); continue }
            var order = history
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            let n = min(history.count - 1, max(1, Int((fraction * Double(history.count)).rounded())))
            let held = Set(order.prefix(n))
            for row in history {
                if held.contains(row) { heldOut.append(interactions[row]) } else { train.append(interactions[row]) }
            }
        }
    }
}
