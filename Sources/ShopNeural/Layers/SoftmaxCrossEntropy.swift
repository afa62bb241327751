import Foundation

/// Row-wise softmax and the (class-weighted) cross-entropy loss on logits.
public enum SoftmaxCrossEntropy {
    /// Softmax of each row of `logits`.
    public static func softmax(_ logits: Matrix) -> Matrix {
        var p = logits
        for r in 0..<p.rows {
            let base = r * p.cols
            var best = -Float.infinity
            for j in 0..<p.cols { best = max(best, p.data[base + j]) }
            var total: Float = 0
            for j in 0..<p.cols { let e = exp(p.data[base + j] - best); p.data[base + j] = e; total += e }
            for j in 0..<p.cols { p.data[base + j] /= total }
        }
        return p
    }

    /// Weighted mean loss `Σ w[y]·(−log p[y]) / Σ w[y]` (PyTorch's convention) and its
    /// gradient with respect to the logits. `classWeights` nil means all 1.
    public static func loss(logits: Matrix, labels: [Int], classWeights: [Float]? = nil,
                            gradient: inout Matrix) -> Float {
        precondition(labels.count == logits.rows)
        let p = softmax(logits)
        gradient = p
        var total: Double = 0, weightSum: Double = 0
        for r in 0..<logits.rows {
            let w = Double(classWeights?[labels[r]] ?? 1)
            weightSum += w
            total -= w * log(max(Double(p[r, labels[r]]), 1e-30))
        }
        if weightSum == 0 { gradient.reset(rows: logits.rows, cols: logits.cols); return 0 }
        for r in 0..<logits.rows {
            let w = Float(Double(classWeights?[labels[r]] ?? 1) / weightSum)
            gradient[r, labels[r]] -= 1
            for j in 0..<logits.cols { gradient[r, j] *= w }
        }
        return Float(total / weightSum)
    }
}
