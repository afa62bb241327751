/// Hyper-parameters of a `TextClassifier` (stored in its model file).
public struct TextClassifierConfig: Codable, Sendable, Equatable {
    public var vocabSize: Int
    public var numClasses: Int
    public var embedDim: Int
    /// Hidden units per LSTM direction (the pooled vector is 2·hiddenSize wide).
    public var hiddenSize: Int
    public var attentionSize: Int
    /// Dropout on the embeddings and on the pooled features (training only).
    public var dropout: Float
    /// Buckets of the hashed wide bag-of-features path; 0 turns it off.
    public var wideBuckets: Int
    public var wideDim: Int
    public var freezeEmbeddings: Bool
    /// Id of padding (its embedding row stays zero).
    public var paddingIndex: Int32
    /// Ids outside 0..<vocabSize are read as this id.
    public var unknownIndex: Int32
    /// Longer sequences keep their first `maxLength` tokens.
    public var maxLength: Int
    /// Seed of the initialisation.
    public var seed: UInt64

    public init(vocabSize: Int, numClasses: Int, embedDim: Int = 128, hiddenSize: Int = 128,
                attentionSize: Int = 64, dropout: Float = 0.2, wideBuckets: Int = 0, wideDim: Int = 64,
                freezeEmbeddings: Bool = false, paddingIndex: Int32 = 0, unknownIndex: Int32 = 1,
                maxLength: Int = 256, seed: UInt64 = 42) {
        self.vocabSize = vocabSize
        self.numClasses = numClasses
        self.embedDim = embedDim
        self.hiddenSize = hiddenSize
        self.attentionSize = attentionSize
        self.dropout = dropout
        self.wideBuckets = wideBuckets
        self.wideDim = wideDim
        self.freezeEmbeddings = freezeEmbeddings
        self.paddingIndex = paddingIndex
        self.unknownIndex = unknownIndex
        self.maxLength = maxLength
        self.seed = seed
    }
}
