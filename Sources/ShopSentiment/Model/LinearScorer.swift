/// The wide path: one weight per (feature, output) over a binary bag of n-grams scaled
/// by 1/sqrt(active features). Naive-Bayes log-count ratios are folded into the weights
/// at the end of training (NBSVM, Wang & Manning 2012), so scoring is a sparse sum.
///
/// Two labels use one output (sigmoid); more labels use one-vs-rest outputs whose
/// sigmoids are normalised.
public struct LinearScorer: Sendable {
    /// Number of labels.
    public let labelCount: Int
    /// Outputs: 1 for two labels, else `labelCount`.
    public let outputs: Int
    /// Row-major [feature][output].
    public var weights: [Float]
    public var bias: [Float]

    public init(labelCount: Int, features: Int, weights: [Float]? = nil, bias: [Float]? = nil) {
        self.labelCount = labelCount
        self.outputs = labelCount == 2 ? 1 : labelCount
        self.weights = weights ?? [Float](repeating: 0, count: features * (labelCount == 2 ? 1 : labelCount))
        self.bias = bias ?? [Float](repeating: 0, count: labelCount == 2 ? 1 : labelCount)
    }

    /// Raw scores (one per output) for sorted unique feature ids.
    @inline(__always)
    public func scores(_ ids: [Int32]) -> [Float] {
        var s = [Float](repeating: 0, count: outputs)
        guard !ids.isEmpty else { return bias }
        let scale = 1 / Float(ids.count).squareRoot()
        weights.withUnsafeBufferPointer { w in
            if outputs == 1 {
                var acc: Float = 0
                for f in ids { acc += w[Int(f)] }
                s[0] = acc
            } else {
                for f in ids {
                    let base = Int(f) * outputs
                    for c in 0..<outputs { s[c] += w[base + c] }
                }
            }
        }
        for c in 0..<outputs { s[c] = s[c] * scale + bias[c] }
        return s
    }

    /// Label probabilities from raw scores.
    public func probabilities(scores s: [Float]) -> [Float] {
        if outputs == 1 {
            let p = sigmoid(s[0])
            return [1 - p, p]
        }
        var p = s.map(sigmoid)
        let z = max(p.reduce(0, +), 1e-12)
        for i in p.indices { p[i] /= z }
        return p
    }

    public func probabilities(_ ids: [Int32]) -> [Float] { probabilities(scores: scores(ids)) }

    /// How much feature `f` pushes towards `label` (before the 1/sqrt(n) scaling).
    @inline(__always)
    public func contribution(feature f: Int32, label: Int) -> Float {
        if outputs == 1 { return label == 1 ? weights[Int(f)] : -weights[Int(f)] }
        return weights[Int(f) * outputs + label]
    }
}

@inline(__always)
func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
