import ShopCore

/// The "wide" path: a hashed bag of features (word n-grams, character n-grams …),
/// each id a row of a table, averaged per example (fastText-style).
///
/// Apps map each feature string to a bucket with `EmbeddingBag.bucket(for:buckets:)`;
/// an empty bag gives a zero vector. Gradients are sparse like `Embedding`'s.
public final class EmbeddingBag: @unchecked Sendable {
    public let buckets: Int
    public let dim: Int
    public let weight: Parameter

    public init(buckets: Int, dim: Int, name: String = "wide", rng: inout SeededRandom) {
        self.buckets = buckets
        self.dim = dim
        weight = Parameter(name: "\(name).weight", rows: buckets, cols: dim, sparse: true, decays: false)
        weight.initUniform(1 / Float(dim), rng: &rng)
    }

    /// FNV-1a 64 of the UTF-8 bytes, reduced to a bucket: stable across runs and machines.
    public static func bucket(for feature: String, buckets: Int) -> Int32 {
        Int32(truncatingIfNeeded: FNV1a.hash64(feature) % UInt64(buckets))
    }

    /// output[b] = mean of weight[id] over bags[b] (ids must be in 0..<buckets); `B × dim`.
    public func forward(bags: [[Int32]], output: inout Matrix) {
        output.reset(rows: bags.count, cols: dim)
        let d = dim
        weight.value.withUnsafeBufferPointer { w in
            output.data.withUnsafeMutableBufferPointer { o in
                for (b, bag) in bags.enumerated() where !bag.isEmpty {
                    let dst = o.baseAddress! + b * d
                    let scale = 1 / Float(bag.count)
                    for id in bag {
                        let src = w.baseAddress! + Int(id) * d
                        for j in 0..<d { dst[j] += src[j] }
                    }
                    for j in 0..<d { dst[j] *= scale }
                }
            }
        }
    }

    public func backward(bags: [[Int32]], gradOutput: Matrix) {
        if weight.isFrozen { return }
        let d = dim
        weight.grad.withUnsafeMutableBufferPointer { g in
            gradOutput.data.withUnsafeBufferPointer { go in
                for (b, bag) in bags.enumerated() where !bag.isEmpty {
                    let scale = 1 / Float(bag.count)
                    let src = go.baseAddress! + b * d
                    for id in bag {
                        weight.touch(Int(id))
                        let dst = g.baseAddress! + Int(id) * d
                        for j in 0..<d { dst[j] += scale * src[j] }
                    }
                }
            }
        }
    }
}
