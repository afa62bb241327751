/// Initial vectors for the deep path's embedding rows, handed in by the caller.
///
/// ShopDialogue does not read vector files itself (it must not depend on ShopEmbeddings):
/// the CLI loads them and passes a lookup. Tokens are the deep path's tokens
/// (`IntentTokenizer.tokens`: lower-cased Latin words, single CJK characters, digits folded).
public struct PretrainedTokenVectors: Sendable {
    /// Length of every vector `vector` returns; must equal the trainer's `embedDim`.
    public var dimension: Int
    /// The vector of a token, or nil when the source has none (that row stays random).
    public var vector: @Sendable (String) -> [Float]?
    /// Keep the embedding layer fixed during training (rows without a vector stay at their
    /// random start too).
    public var freeze: Bool
    /// Rescale the copied rows so their mean norm equals the mean norm of the layer's own
    /// random rows: the vectors' scale then matches what the BiLSTM was initialised for,
    /// and only the directions differ from random initialisation.
    public var matchInitNorm: Bool

    public init(dimension: Int, freeze: Bool = false, matchInitNorm: Bool = true,
                vector: @escaping @Sendable (String) -> [Float]?) {
        self.dimension = dimension
        self.vector = vector
        self.freeze = freeze
        self.matchInitNorm = matchInitNorm
    }
}
