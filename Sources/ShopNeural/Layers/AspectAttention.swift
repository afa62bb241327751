import Foundation

/// Attention pooling whose query depends on a per-sequence vector (an aspect term's
/// embedding, as in ATAE-LSTM / IAN):
/// `u_t = tanh(W·x_t + U·q + b)`, `score_t = v·u_t`, `α = softmax over valid steps`,
/// `pooled = Σ α_t·x_t`.
///
/// Input is a padded, time-major batch (`T·B × D`, row `t·B + b`); the queries are
/// `B × Q`. The weights α stay in the cache (`weights`, `B × T`). A sequence of
/// length 0 pools to zero.
public final class AspectAttention: @unchecked Sendable {
    public let inputSize: Int
    public let querySize: Int
    public let attentionSize: Int
    /// `A × D`
    public let weight: Parameter
    /// `A × Q`
    public let queryWeight: Parameter
    /// `A`
    public let bias: Parameter
    /// The scoring vector v, `A`.
    public let context: Parameter

    public typealias Cache = SoftmaxAttentionCache

    public init(inputSize: Int, querySize: Int, attentionSize: Int, name: String = "aspect_attention",
                rng: inout SeededRandom) {
        self.inputSize = inputSize
        self.querySize = querySize
        self.attentionSize = attentionSize
        weight = Parameter(name: "\(name).weight", rows: attentionSize, cols: inputSize)
        queryWeight = Parameter(name: "\(name).query_weight", rows: attentionSize, cols: querySize)
        bias = Parameter(name: "\(name).bias", rows: attentionSize, cols: 1, decays: false)
        context = Parameter(name: "\(name).context", rows: attentionSize, cols: 1)
        weight.initUniform(1 / Float(inputSize).squareRoot(), rng: &rng)
        queryWeight.initUniform(1 / Float(querySize).squareRoot(), rng: &rng)
        context.initUniform(1 / Float(attentionSize).squareRoot(), rng: &rng)
    }

    public var parameters: [Parameter] { [weight, queryWeight, bias, context] }

    public func forward(_ input: Matrix, query: Matrix, batch: Int, lengths: [Int], cache: Cache) {
        let D = inputSize, A = attentionSize, Q = querySize, B = batch
        precondition(input.cols == D && lengths.count == B && query.rows == B && query.cols == Q)
        let T = cache.begin(inputRows: input.rows, batch: B, lengths: lengths, inputSize: D, attentionSize: A)
        if T == 0 || B == 0 { return }
        // The query's share of every pre-activation: one row per sequence.
        cache.queryTerm.reshape(rows: B, cols: A)
        cache.queryTerm.data.withUnsafeMutableBufferPointer { qt in
            query.data.withUnsafeBufferPointer { qp in
                queryWeight.affine(input: qp.baseAddress!, count: B, bias: bias, into: qt.baseAddress!)
            }
        }
        cache.u.data.withUnsafeMutableBufferPointer { up in
            let u = up.baseAddress!
            cache.queryTerm.data.withUnsafeBufferPointer { qt in
                for t in 0..<T {
                    for b in 0..<B { (u + (t * B + b) * A).update(from: qt.baseAddress! + b * A, count: A) }
                }
            }
            input.data.withUnsafeBufferPointer { xp in
                weight.addProduct(input: xp.baseAddress!, count: T * B, into: u)
                for i in 0..<(T * B * A) { u[i] = tanh(u[i]) }
                SoftmaxAttention.forwardBatch(input: xp.baseAddress!, gates: u, context: context, cache: cache,
                                              inputSize: D, attentionSize: A)
            }
        }
    }

    /// Back-propagates `gradOutput` (`B × D`): accumulates the parameters' gradients,
    /// writes `gradInput` (`T·B × D`) and `gradQuery` (`B × Q`).
    public func backward(input: Matrix, query: Matrix, gradOutput: Matrix, cache: Cache, gradInput: inout Matrix,
                         gradQuery: inout Matrix) {
        let D = inputSize, A = attentionSize, Q = querySize, B = cache.batch, T = cache.steps
        gradInput.reset(rows: T * B, cols: D)
        gradQuery.reset(rows: B, cols: Q)
        if T == 0 || B == 0 { return }
        // Σ_t dz per sequence: the gradient of the query term U·q + b.
        var dzSum = Matrix(rows: B, cols: A)
        dzSum.data.withUnsafeMutableBufferPointer { dzs in
            SoftmaxAttention.backwardBatch(input: input, gradOutput: gradOutput, context: context, cache: cache,
                                           gradInput: &gradInput, inputSize: D, attentionSize: A, dzSum: dzs.baseAddress!)
        }
        cache.u.data.withUnsafeBufferPointer { dz in
            SoftmaxAttention.backwardGate(dz: dz.baseAddress!, input: input, weight: weight, gradInput: &gradInput,
                                          rows: T * B, attentionSize: A, inputSize: D, parallel: true)
        }
        dzSum.data.withUnsafeBufferPointer { dzs in
            if !bias.isFrozen {
                bias.grad.withUnsafeMutableBufferPointer { gb in
                    for b in 0..<B { for j in 0..<A { gb[j] += dzs[b * A + j] } }
                }
            }
            if !queryWeight.isFrozen {
                query.data.withUnsafeBufferPointer { qp in
                    queryWeight.addWeightGradient(gradOutput: dzs.baseAddress!, input: qp.baseAddress!, count: B)
                }
            }
            gradQuery.data.withUnsafeMutableBufferPointer { gq in
                queryWeight.inputGradient(gradOutput: dzs.baseAddress!, count: B, into: gq.baseAddress!, beta: 0)
            }
        }
    }
}
