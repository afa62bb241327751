import Foundation
import ShopNeural
import ShopCore

/// One-vs-rest L2-loss linear SVMs trained by dual coordinate descent (Hsieh et al. 2008,
/// the LIBLINEAR solver behind LinearSVC): fast, no learning rate, and strong on
/// TF-IDF n-grams. A constant feature gives each class its bias.
public struct LinearSVMTrainer: Sendable {
    public var c: Float = 0.5
    public var epochs = 20
    public var seed: UInt64 = 1
    /// Up-weights the positive examples of small classes (1 = no balancing).
    public var balance = false

    public init(c: Float = 0.5, epochs: Int = 20, seed: UInt64 = 1) {
        self.c = c
        self.epochs = epochs
        self.seed = seed
    }

    /// Returns weights laid out feature-major (`w[j * classes + k]`, bias row last) and the number of classes.
    public func train(_ x: [SparseVector], labels: [Int], classes: Int, dimension: Int) -> [Float] {
        let n = x.count
        let dim = dimension + 1 // + bias
        var out = [Float](repeating: 0, count: dim * classes)
        let qii = x.map { $0.squaredNorm + 1 }
        let perClass = (0..<classes).map { k in labels.lazy.filter { $0 == k }.count }
        let avg = Float(n) / Float(max(1, classes))
        let c = self.c, epochs = self.epochs, seed = self.seed, balance = self.balance
        out.withUnsafeMutableBufferPointer { outBuf in
            nonisolated(unsafe) let outPtr = outBuf
            DispatchQueue.concurrentPerform(iterations: classes) { k in
                var w = [Float](repeating: 0, count: dim)
                var alpha = [Float](repeating: 0, count: n)
                var order = Array(0..<n)
                var rng = SplitMix64(seed: seed &+ UInt64(k) &* 7919)
                let cPos = balance ? c * min(4, max(1, avg / Float(max(1, perClass[k])))) : c
                for _ in 0..<epochs {
                    order.shuffle(using: &rng)
                    var maxPG: Float = 0
                    for i in order {
                        let y: Float = labels[i] == k ? 1 : -1
                        let ci = y > 0 ? cPos : c
                        let dii = 1 / (2 * ci)
                        let xi = x[i]
                        var dot = w[dim - 1]
                        for t in 0..<xi.indices.count { dot += w[Int(xi.indices[t])] * xi.values[t] }
                        let g = y * dot - 1 + dii * alpha[i]
                        let pg = alpha[i] == 0 ? min(g, 0) : g
                        if abs(pg) > maxPG { maxPG = abs(pg) }
                        if pg != 0 {
                            let old = alpha[i]
                            let new = max(old - g / (qii[i] + dii), 0)
                            alpha[i] = new
                            let d = (new - old) * y
                            if d != 0 {
                                for t in 0..<xi.indices.count { w[Int(xi.indices[t])] += d * xi.values[t] }
                                w[dim - 1] += d
                            }
                        }
                    }
                    if maxPG < 0.01 { break }
                }
                for j in 0..<dim { outPtr[j * classes + k] = w[j] }
            }
        }
        return out
    }
}
