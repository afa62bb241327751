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
    /// α of the self-normalisation term α · (log Z)² added to each token's loss (Devlin et al.
    /// 2014): trained with α > 0, the model's log-normaliser log Σ exp(logits) stays near 0,
    /// so a score can skip it (the vocabulary-wide product and exponentials) and read the
    /// target's logit alone. 0: a plain softmax model. Files written before this field read as 0.
    public var selfNormalisation: Float

    public init(vocabSize: Int, embedDim: Int = 64, hiddenSize: Int = 128, dropout: Float = 0.1,
                paddingIndex: Int32 = 0, unknownIndex: Int32 = 1, maxLength: Int = 128, seed: UInt64 = 42,
                selfNormalisation: Float = 0) {
        self.selfNormalisation = selfNormalisation
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

extension LanguageModelConfig {
    private enum CodingKeys: String, CodingKey {
        case vocabSize, embedDim, hiddenSize, dropout, paddingIndex, unknownIndex, maxLength, seed, selfNormalisation
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(vocabSize: try c.decode(Int.self, forKey: .vocabSize), embedDim: try c.decode(Int.self, forKey: .embedDim),
                  hiddenSize: try c.decode(Int.self, forKey: .hiddenSize), dropout: try c.decode(Float.self, forKey: .dropout),
                  paddingIndex: try c.decode(Int32.self, forKey: .paddingIndex),
                  unknownIndex: try c.decode(Int32.self, forKey: .unknownIndex),
                  maxLength: try c.decode(Int.self, forKey: .maxLength), seed: try c.decode(UInt64.self, forKey: .seed),
                  selfNormalisation: try c.decodeIfPresent(Float.self, forKey: .selfNormalisation) ?? 0)
    }
}
