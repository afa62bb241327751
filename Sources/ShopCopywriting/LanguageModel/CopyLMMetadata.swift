import ShopCore

/// What a copy LM file stores besides its weights: language, vocabulary, and where its
/// training text came from (so `describe` can say what it ranks with).
public struct CopyLMMetadata: Codable, Sendable, Equatable {
    public static let currentVersion = 1
    public var version: Int
    public var language: Language
    /// Index = token id; ids 0…3 are `<pad>`, `<unk>`, `<s>`, `</s>`.
    public var vocabulary: [String]
    public var trainingSource: String
    public var trainingSequences: Int
    public var devPerplexity: Float?

    public init(language: Language, vocabulary: [String], trainingSource: String, trainingSequences: Int,
                devPerplexity: Float?) {
        self.version = Self.currentVersion
        self.language = language
        self.vocabulary = vocabulary
        self.trainingSource = trainingSource
        self.trainingSequences = trainingSequences
        self.devPerplexity = devPerplexity
    }
}
