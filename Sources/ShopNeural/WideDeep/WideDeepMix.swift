/// How a wide+deep classifier combines its two paths: a convex mix of their class
/// probabilities, with the deep path's weight chosen on held-out data (dev or calibration).
/// The wide path is strong on rare surface patterns, the deep one on word order and unseen
/// wordings; which mix is best depends on the data, so it is measured, never assumed.
public enum WideDeepMix {
    /// (1 − weight) · wide + weight · deep, class by class.
    @inlinable
    public static func mix(_ wide: [Float], _ deep: [Float], weight: Float) -> [Float] {
        zip(wide, deep).map { (1 - weight) * $0 + weight * $1 }
    }

    /// What decides between candidate weights that score the same.
    public enum TieBreak: Sendable, Equatable {
        /// The earliest candidate (list the preferred ones first).
        case first
        /// The candidate nearest this weight (an even mix is the safe prior).
        case nearest(Float)
    }

    /// The candidate weight with the highest `score` (e.g. held-out accuracy of the mix).
    /// Scores within 1e-9 of each other are ties, settled by `tieBreak`.
    public static func chooseWeight(_ candidates: [Float], tieBreak: TieBreak,
                                    score: (Float) -> Double) -> (weight: Float, score: Double) {
        precondition(!candidates.isEmpty, "no candidate weights")
        var best: (weight: Float, score: Double)? = nil
        for w in candidates {
            let s = score(w)
            guard let b = best else { best = (w, s); continue }
            if s > b.score + 1e-9 {
                best = (w, s)
            } else if s >= b.score - 1e-9, case .nearest(let centre) = tieBreak, abs(w - centre) < abs(b.weight - centre) {
                best = (w, s)
            }
        }
        return best!
    }
}
