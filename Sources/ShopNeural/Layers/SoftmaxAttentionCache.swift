/// What a softmax-attention layer (`AttentionPooling`, `AspectAttention`) keeps from forward
/// for backward, and the attention weights it shows; one per concurrent call. The two layers
/// share their kernels (`SoftmaxAttention`), so they share this state too.
public final class SoftmaxAttentionCache: @unchecked Sendable {
    public internal(set) var batch = 0
    public internal(set) var steps = 0
    var lengths: [Int] = []
    /// tanh activations, `T·B × A`; turned into their pre-activation gradient in backward.
    var u = Matrix(rows: 0, cols: 0)
    /// Attention weights, `B × T` (zero at padding).
    public internal(set) var weights = Matrix(rows: 0, cols: 0)
    /// Pooled output, `B × D`.
    public internal(set) var output = Matrix(rows: 0, cols: 0)
    /// `U·q + b` per sequence, `B × A` (`AspectAttention` only).
    var queryTerm = Matrix(rows: 0, cols: 0)
    var scores: [Float] = []
    public init() {}

    /// Sizes the cache for `batch` sequences of a time-major input with `inputRows` rows
    /// (`T·B`, sequence lengths `lengths`) and returns `T`.
    func begin(inputRows: Int, batch B: Int, lengths: [Int], inputSize D: Int, attentionSize A: Int) -> Int {
        let T = B == 0 ? 0 : inputRows / B
        batch = B; steps = T; self.lengths = lengths
        u.reshape(rows: T * B, cols: A)
        weights.reset(rows: B, cols: T)
        output.reset(rows: B, cols: D)
        if scores.count < T { scores = [Float](repeating: 0, count: T) }
        return T
    }
}
