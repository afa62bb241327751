#if canImport(Glibc)
import Glibc
import ShopNeural
import ShopCore
#endif

/// Trains a `LinearScorer` by AdaGrad logistic regression on NB-scaled binary features,
/// keeping the epoch with the best dev accuracy.
public struct LinearTrainer {
    public var hyper: LinearHyperParameters
    public var seed: UInt64
    /// Called after each epoch with (epoch, train loss, dev accuracy).
    public var progress: ((Int, Double, Double) -> Void)?

    public init(hyper: LinearHyperParameters, seed: UInt64 = 1, progress: ((Int, Double, Double) -> Void)? = nil) {
        self.hyper = hyper
        self.seed = seed
        self.progress = progress
    }

    /// Naive-Bayes log-count ratios, [feature][output].
    static func nbRatios(docs: [[Int32]], labels: [Int], features: Int, labelCount: Int, alpha: Float) -> [Float] {
        let outputs = labelCount == 2 ? 1 : labelCount
        guard alpha > 0 else { return [Float](repeating: 1, count: features * outputs) }
        var counts = [Float](repeating: 0, count: features * labelCount)
        for (doc, y) in zip(docs, labels) {
            for f in doc { counts[Int(f) * labelCount + y] += 1 }
        }
        var totals = [Double](repeating: 0, count: labelCount)
        for f in 0..<features { for c in 0..<labelCount { totals[c] += Double(counts[f * labelCount + c]) } }
        let all = totals.reduce(0, +)
        var r = [Float](repeating: 0, count: features * outputs)
        for f in 0..<features {
            var rowSum: Float = 0
            for c in 0..<labelCount { rowSum += counts[f * labelCount + c] }
            for o in 0..<outputs {
                let c = outputs == 1 ? 1 : o
                let p = counts[f * labelCount + c] + alpha
                let q = rowSum - counts[f * labelCount + c] + alpha
                let pn = Double(p) / (totals[c] + Double(alpha) * Double(features))
                let qn = Double(q) / (all - totals[c] + Double(alpha) * Double(features))
                r[f * outputs + o] = Float(log(pn / qn))
            }
        }
        return r
    }

    /// Trains on sorted-unique feature id lists; `dev` picks the epoch.
    public func train(docs: [[Int32]], labels: [Int], dev: [[Int32]], devLabels: [Int],
                      features: Int, labelCount: Int) -> (scorer: LinearScorer, devAccuracy: Double, epoch: Int) {
        let outputs = labelCount == 2 ? 1 : labelCount
        let r = LinearTrainer.nbRatios(docs: docs, labels: labels, features: features,
                                       labelCount: labelCount, alpha: hyper.nbAlpha)
        var w = [Float](repeating: 0, count: features * outputs)
        var g2 = [Float](repeating: 1e-6, count: features * outputs)
        var b = [Float](repeating: 0, count: outputs)
        var bg2 = [Float](repeating: 1e-6, count: outputs)
        var rng = SplitMix64(seed: seed)
        var order = Array(docs.indices)
        var best: (LinearScorer, Double, Int)? = nil
        let lr = hyper.learningRate, l2 = hyper.l2, drop = hyper.featureDropout
        var kept: [Int32] = []

        for epoch in 1...max(1, hyper.epochs) {
            order.shuffle(using: &rng)
            var loss = 0.0
            for i in order {
                let doc = docs[i]
                if doc.isEmpty { continue }
                kept.removeAll(keepingCapacity: true)
                if drop > 0 {
                    for f in doc where rng.nextFloat() >= drop { kept.append(f) }
                    if kept.isEmpty { continue }
                } else {
                    kept.append(contentsOf: doc)
                }
                let scale = 1 / Float(kept.count).squareRoot()
                for o in 0..<outputs {
                    let y: Float = (outputs == 1 ? labels[i] == 1 : labels[i] == o) ? 1 : 0
                    var s = b[o]
                    for f in kept { let k = Int(f) * outputs + o; s += w[k] * r[k] * scale }
                    let p = sigmoid(s)
                    loss -= Double(y == 1 ? log(max(p, 1e-7)) : log(max(1 - p, 1e-7)))
                    let g = p - y
                    for f in kept {
                        let k = Int(f) * outputs + o
                        let grad = g * r[k] * scale + l2 * w[k]
                        g2[k] += grad * grad
                        w[k] -= lr * grad / g2[k].squareRoot()
                    }
                    bg2[o] += g * g
                    b[o] -= lr * g / bg2[o].squareRoot()
                }
            }
            var folded = w
            for k in folded.indices { folded[k] *= r[k] }
            let scorer = LinearScorer(labelCount: labelCount, features: features, weights: folded, bias: b)
            let acc = dev.isEmpty ? 0 : LinearTrainer.accuracy(scorer, dev, devLabels)
            progress?(epoch, loss / Double(max(1, docs.count)), acc)
            if best == nil || acc > best!.1 || dev.isEmpty { best = (scorer, acc, epoch) }
        }
        return best!
    }

    static func accuracy(_ scorer: LinearScorer, _ docs: [[Int32]], _ labels: [Int]) -> Double {
        var right = 0
        for (d, y) in zip(docs, labels) {
            let p = scorer.probabilities(d)
            if argmax(p) == y { right += 1 }
        }
        return Double(right) / Double(max(1, docs.count))
    }
}

@inline(__always)
func argmax(_ p: [Float]) -> Int {
    var best = 0
    for i in p.indices where p[i] > p[best] { best = i }
    return best
}
