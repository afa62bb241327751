/// Users × items as compressed sparse rows both ways, with a confidence per entry.
/// Duplicate (user, item) pairs are merged, keeping the highest confidence: the Amazon
/// 5-core files list the same review under several product variants.
public struct InteractionMatrix: Sendable {
    public let userIDs: [String]
    public let itemIDs: [String]
    public let userIndex: [String: Int]
    public let itemIndex: [String: Int]
    /// Row pointers and columns/values of user → items (CSR) and item → users (CSC).
    public let userStart: [Int], userItems: [Int32], userConfidence: [Float]
    public let itemStart: [Int], itemUsers: [Int32], itemConfidence: [Float]

    public var userCount: Int { userIDs.count }
    public var itemCount: Int { itemIDs.count }
    public var entryCount: Int { userItems.count }

    /// Builds the matrix from (user, item, confidence) triples. `items` may name extra
    /// items (e.g. from a catalogue) that have no interactions yet.
    public init(triples: [(user: String, item: String, confidence: Float)], extraItems: [String] = []) {
        var uIndex: [String: Int] = [:], iIndex: [String: Int] = [:]
        var uIDs: [String] = [], iIDs: [String] = []
        var merged: [Int: [Int: Float]] = [:]
        for t in triples {
            let u = uIndex[t.user] ?? { uIDs.append(t.user); uIndex[t.user] = uIDs.count - 1; return uIDs.count - 1 }()
            let i = iIndex[t.item] ?? { iIDs.append(t.item); iIndex[t.item] = iIDs.count - 1; return iIDs.count - 1 }()
            merged[u, default: [:]][i] = max(merged[u]?[i] ?? 0, t.confidence)
        }
        for item in extraItems where iIndex[item] == nil {
            iIDs.append(item); iIndex[item] = iIDs.count - 1
        }
        userIDs = uIDs; itemIDs = iIDs; userIndex = uIndex; itemIndex = iIndex

        var uStart = [Int](repeating: 0, count: uIDs.count + 1)
        var uItems: [Int32] = [], uConf: [Float] = []
        var perItem = [[(Int32, Float)]](repeating: [], count: iIDs.count)
        for u in 0..<uIDs.count {
            for (i, c) in (merged[u] ?? [:]).sorted(by: { $0.key < $1.key }) {
                uItems.append(Int32(i)); uConf.append(c)
                perItem[i].append((Int32(u), c))
            }
            uStart[u + 1] = uItems.count
        }
        var iStart = [Int](repeating: 0, count: iIDs.count + 1)
        var iUsers: [Int32] = [], iConf: [Float] = []
        for i in 0..<iIDs.count {
            for (u, c) in perItem[i] { iUsers.append(u); iConf.append(c) }
            iStart[i + 1] = iUsers.count
        }
        userStart = uStart; userItems = uItems; userConfidence = uConf
        itemStart = iStart; itemUsers = iUsers; itemConfidence = iConf
    }

    /// The items of user `u` (indices) — the slice of the CSR row.
    public func items(ofUser u: Int) -> ArraySlice<Int32> { userItems[userStart[u]..<userStart[u + 1]] }
    public func interactionCount(ofItem i: Int) -> Int { itemStart[i + 1] - itemStart[i] }
}
