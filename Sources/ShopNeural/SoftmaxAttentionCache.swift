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
}
