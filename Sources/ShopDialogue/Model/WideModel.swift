/// The wide path of the intent model: TF-IDF n-grams times one linear scorer per class.
public struct WideModel: Sendable {
    public var vectorizer: TfidfVectorizer
    /// Feature-major weights, `weights[j * classes + k]`; the last row is the bias.
    public var weights: [Float]
    public var classes: Int

    public init(vectorizer: TfidfVectorizer, weights: [Float], classes: Int) {
        self.vectorizer = vectorizer
        self.weights = weights
        self.classes = classes
    }

    /// Raw per-class margins for a message.
    public func scores(_ text: String) -> [Float] {
        scores(vector: vectorizer.transform(text))
    }

    public func scores(vector v: SparseVector) -> [Float] {
        let k = classes
        var s = Array(weights[(vectorizer.dimension * k)..<((vectorizer.dimension + 1) * k)])
        weights.withUnsafeBufferPointer { w in
            s.withUnsafeMutableBufferPointer { out in
                for t in 0..<v.indices.count {
                    let base = Int(v.indices[t]) * k
                    let x = v.values[t]
                    for c in 0..<k { out[c] += x * w[base + c] }
                }
            }
        }
        return s
    }

    /// How much each token pushed the score of `cls` (its features' weight times value,
    /// shared among the tokens an n-gram spans).
    public func tokenContributions(_ text: String, cls: Int) -> [(token: String, weight: Float)] {
        let (v, owners, tokens) = vectorizer.transformWithOwners(text)
        var contrib = [Float](repeating: 0, count: tokens.count)
        for t in 0..<v.indices.count {
            let w = v.values[t] * weights[Int(v.indices[t]) * classes + cls]
            let share = w / Float(owners[t].count)
            for o in owners[t] where o < contrib.count { contrib[o] += share }
        }
        return zip(tokens, contrib).map { ($0, $1) }
    }
}
