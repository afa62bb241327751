/// Item–item similarity in the learned factor space.
public enum ItemSimilarity {
    /// The k items whose factors have the highest cosine with item `i`'s (itself excluded).
    public static func cosine(_ model: ALSModel, item i: Int, k: Int) -> [(item: Int, score: Float)] {
        let f = model.factors, n = model.itemFactors.count / f
        func norm(_ j: Int) -> Float {
            var s: Float = 0
            for d in 0..<f { s += model.itemFactors[j * f + d] * model.itemFactors[j * f + d] }
            return s.squareRoot()
        }
        let ni = norm(i)
        var scores = [Float](repeating: 0, count: n)
        for j in 0..<n {
            var dot: Float = 0
            for d in 0..<f { dot += model.itemFactors[i * f + d] * model.itemFactors[j * f + d] }
            // No floor on the norms' product beyond zero: strongly regularised factors (tuning
            // often picks λ = 100) are small, and a fixed floor would flatten every cosine.
            let denominator = ni * norm(j)
            scores[j] = denominator > 0 ? dot / denominator : 0
        }
        scores[i] = -.infinity
        return TopK.select(scores, k: k)
    }
}
