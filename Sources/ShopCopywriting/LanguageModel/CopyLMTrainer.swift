import ShopNeural
import ShopCore

/// Trains a ranking LM on in-domain product copy with our LSTM stack.
public struct CopyLMTrainer: Sendable {
    public var embedDim: Int
    public var hiddenSize: Int
    public var maxVocabulary: Int
    public var minCount: Int
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    public var seed: UInt64
    /// α of `LanguageModelConfig.selfNormalisation` (0: a plain softmax LM).
    public var selfNormalisation: Float

    public init(embedDim: Int = 32, hiddenSize: Int = 64, maxVocabulary: Int = 3000, minCount: Int = 2, epochs: Int = 3,
                batchSize: Int = 16, learningRate: Float = 4e-3, seed: UInt64 = 1, selfNormalisation: Float = 0) {
        self.selfNormalisation = selfNormalisation
        self.embedDim = embedDim
        self.hiddenSize = hiddenSize
        self.maxVocabulary = maxVocabulary
        self.minCount = minCount
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.seed = seed
    }

    /// Trains on `texts` with early stopping on `dev`; returns the model and its epoch log.
    public func train(texts: [String], dev: [String], language: Language, source: String,
                      progress: Bool = true, onEpoch: ((LSTMLanguageModel.EpochRecord) -> Void)? = nil)
        -> (CopyLanguageModel, LSTMLanguageModel.Report) {
        let vocab = CopyLanguageModel.vocabulary(for: texts, language: language, minCount: minCount, maxSize: maxVocabulary)
        let maxLength = language == .zh ? 160 : 96
        let config = LanguageModelConfig(vocabSize: vocab.count, embedDim: embedDim, hiddenSize: hiddenSize,
                                         dropout: 0.1, maxLength: maxLength, seed: seed,
                                         selfNormalisation: selfNormalisation)
        let lm = LSTMLanguageModel(config: config)
        let tmpMeta = CopyLMMetadata(language: language, vocabulary: vocab, trainingSource: source,
                                     trainingSequences: texts.count, devPerplexity: nil)
        let encoder = CopyLanguageModel(model: lm, metadata: tmpMeta)
        let train = texts.map(encoder.encode).filter { $0.count > 2 }
        let devSeqs = dev.map(encoder.encode).filter { $0.count > 2 }
        let report = lm.train(train, dev: devSeqs.isEmpty ? nil : devSeqs,
                              options: TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate, patience: 2,
                                                       seed: seed, showProgress: progress),
                              onEpoch: onEpoch)
        let meta = CopyLMMetadata(language: language, vocabulary: vocab, trainingSource: source,
                                  trainingSequences: train.count, devPerplexity: report.bestDevPerplexity)
        return (CopyLanguageModel(model: lm, metadata: meta), report)
    }
}
