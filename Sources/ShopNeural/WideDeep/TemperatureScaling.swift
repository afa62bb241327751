import Foundation

/// Calibration of a linear path's margins: probabilities are softmax(T · margins) with the
/// temperature T that minimises the negative log-likelihood of held-out gold labels (Guo et
/// al. 2017, "On calibration of modern neural networks"). A linear SVM's margins are not
/// probabilities; without this, mixing them with a network's softmax and thresholding them
/// for out-of-scope rejection would compare numbers on different scales.
public enum TemperatureScaling {
    /// Numerically safe softmax of `scale · x`.
    public static func softmax(_ x: [Float], scale: Float) -> [Float] {
        guard let m = x.max() else { return [] }
        var e = x.map { exp(scale * ($0 - m)) }
        let s = e.reduce(0, +)
        for i in e.indices { e[i] /= s }
        return e
    }

    /// The candidate temperature with the lowest negative log-likelihood of `gold` (nil
    /// entries, e.g. labels the model does not know, are left out); the first on ties.
    public static func fit(margins: [[Float]], gold: [Int?], candidates: [Float]) -> Float {
        precondition(!candidates.isEmpty, "no candidate temperatures")
        var best = candidates[0], bestNLL = Double.infinity
        for t in candidates {
            var nll = 0.0
            for (s, g) in zip(margins, gold) {
                guard let g else { continue }
                nll -= Foundation.log(Double(max(softmax(s, scale: t)[g], 1e-9)))
            }
            if nll < bestNLL { bestNLL = nll; best = t }
        }
        return best
    }
}
