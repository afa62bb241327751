/// Hyper-parameters of an `LSTMLanguageModel` (stored in its model file).
public struct LanguageModelConfig: Codable, Sendable, Equatable {
    public var vocabSize: Int
    public var embedDim: Int
    public var hiddenSize: Int
    /// Dropout on embeddings and LSTM outputs (training only).
    public var dropout: Float
    public var paddingIndex: Int32
    /// Ids outside 0..<vocabSize are read as this id.
    public var unknownIndex: Int32
    /// Longer sequences are cut to their first `maxLength` tokens.
    public var maxLength: Int
    public var seed: UInt64

    public init(vocabSize: Int, embedDim: Int = 64, hiddenSize: Int = 128, dropout: Float = 0.1,
                paddingIndex: Int32 = 0, unknownIndex: Int32 = 1, maxLength: Int = 128, seed: UInt64 = 42) {
        self.vocabSize = vocabSize
        self.embedDim = embedDim
        self.hiddenSize = hiddenSize
        self.dropout = dropout
        self.paddingIndex = paddingIndex
        self.unknownIndex = unknownIndex
        self.maxLength = maxLength
        self.seed = seed
    }
}
