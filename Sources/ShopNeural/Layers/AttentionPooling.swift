import Foundation

/// Additive attention pooling over a padded, time-major sequence batch:
/// `u = tanh(x·Wᵀ + b)`, `score = u·v`, `α = softmax over valid steps`, `pooled = Σ α·x`.
///
/// The weights α are kept in the cache (`weights`, `B × T`): they say which
/// tokens a prediction rests on. A sequence of length 0 pools to zero.
public final class AttentionPooling: @unchecked Sendable {
    public let inputSize: Int
    public let attentionSize: Int
    /// `A × D`
    public let weight: Parameter
    /// `A`
    public let bias: Parameter
    /// The context vector v, `A`.
    public let context: Parameter

    public typealias Cache = SoftmaxAttentionCache

    public init(inputSize: Int, attentionSize: Int, name: String = "attention", rng: inout SeededRandom) {
        self.inputSize = inputSize
        self.attentionSize = attentionSize
        weight = Parameter(name: "\(name).weight", rows: attentionSize, cols: inputSize)
        bias = Parameter(name: "\(name).bias", rows: attentionSize, cols: 1, decays: false)
        context = Parameter(name: "\(name).context", rows: attentionSize, cols: 1)
        weight.initUniform(1 / Float(inputSize).squareRoot(), rng: &rng)
        context.initUniform(1 / Float(attentionSize).squareRoot(), rng: &rng)
    }

    public var parameters: [Parameter] { [weight, bias, context] }

    public func forward(_ input: Matrix, batch: Int, lengths: [Int], cache: Cache, parallel: Bool = true) {
        let D = inputSize, A = attentionSize, B = batch
        precondition(input.cols == D && lengths.count == B)
        let T = cache.begin(inputRows: input.rows, batch: B, lengths: lengths, inputSize: D, attentionSize: A)
        if T == 0 || B == 0 { return }
        cache.u.data.withUnsafeMutableBufferPointer { up in
            let u = up.baseAddress!
            input.data.withUnsafeBufferPointer { xp in
                weight.affine(input: xp.baseAddress!, count: T * B, bias: bias, into: u, parallel: parallel)
                tanhInPlace(u, T * B * A)
                SoftmaxAttention.forwardBatch(input: xp.baseAddress!, gates: u, context: context, cache: cache,
                                              inputSize: D, attentionSize: A)
            }
        }
    }

    /// Back-propagates `gradOutput` (`B × D`); writes `gradInput` (`T·B × D`).
    public func backward(input: Matrix, gradOutput: Matrix, cache: Cache, gradInput: inout Matrix, parallel: Bool = true) {
        let D = inputSize, A = attentionSize, B = cache.batch, T = cache.steps
        gradInput.reset(rows: T * B, cols: D)
        if T == 0 || B == 0 { return }
        SoftmaxAttention.backwardBatch(input: input, gradOutput: gradOutput, context: context, cache: cache,
                                       gradInput: &gradInput, inputSize: D, attentionSize: A, dzSum: nil)
        cache.u.data.withUnsafeBufferPointer { dz in
            SoftmaxAttention.backwardGate(dz: dz.baseAddress!, input: input, weight: weight, gradInput: &gradInput,
                                          rows: T * B, attentionSize: A, inputSize: D, parallel: parallel)
            if !weight.isFrozen {
                bias.grad.withUnsafeMutableBufferPointer { gb in
                    for r in 0..<(T * B) { for j in 0..<A { gb[j] += dz[r * A + j] } }
                }
            }
        }
    }
}
