/// Item–item cosine neighbours over the binary user–item matrix (Sarwar et al. 2001):
/// a user's score for item i is the summed similarity of i to the user's items.
public struct ItemKNNModel: Recommender {
    public let itemCount: Int
    /// For each item, its neighbours and similarities (best first, at most `neighbours`).
    public let neighbours: [[(item: Int32, similarity: Float)]]
    let matrix: InteractionMatrix

    public init(_ matrix: InteractionMatrix, neighbours k: Int = 100) {
        self.matrix = matrix
        itemCount = matrix.itemCount
        // Co-occurrence counts via each user's item list: Σ_u n_u² work, no dense n×n.
        var co = [[Int32: Float]](repeating: [:], count: matrix.itemCount)
        for u in 0..<matrix.userCount {
            let items = Array(matrix.items(ofUser: u))
            for a in items { for b in items where a != b { co[Int(a)][b, default: 0] += 1 } }
        }
        let norms = (0..<matrix.itemCount).map { Float(matrix.interactionCount(ofItem: $0)).squareRoot() }
        neighbours = (0..<matrix.itemCount).map { i in
            let sims = co[i].map { (item: $0.key, similarity: $0.value / max(1e-6, norms[i] * norms[Int($0.key)])) }
            return Array(sims.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.item < $1.item }.prefix(k))
        }
    }

    public func scores(user u: Int) -> [Float] {
        var s = [Float](repeating: 0, count: itemCount)
        for j in matrix.items(ofUser: u) {
            for (i, sim) in neighbours[Int(j)] { s[Int(i)] += sim }
        }
        return s
    }

    /// Items most similar to item `i`.
    public func similar(to i: Int, k: Int) -> [(item: Int, score: Float)] {
        neighbours[i].prefix(k).map { (Int($0.item), $0.similarity) }
    }
}
