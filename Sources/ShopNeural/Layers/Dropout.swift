/// Inverted dropout: in training, zeroes each value with probability `rate` and
/// scales the rest by 1/(1−rate); at inference it is the identity.
public struct Dropout: Sendable {
    public let rate: Float

    public init(rate: Float) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        self.rate = rate
    }

    /// Applies dropout in place and records the mask (scale factors) for backward.
    public func forward(_ x: inout Matrix, mask: inout [Float], rng: inout SeededRandom) {
        if rate == 0 { mask.removeAll(); return }
        let keep = 1 - rate, scale = 1 / keep
        if mask.count != x.count { mask = [Float](repeating: 0, count: x.count) }
        for i in 0..<x.count {
            let m: Float = rng.nextFloat() < keep ? scale : 0
            mask[i] = m
            x.data[i] *= m
        }
    }

    /// Multiplies the gradient by the recorded mask, in place.
    public func backward(_ grad: inout Matrix, mask: [Float]) {
        if rate == 0 || mask.isEmpty { return }
        precondition(mask.count == grad.count)
        for i in 0..<grad.count { grad.data[i] *= mask[i] }
    }
}
