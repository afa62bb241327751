/// Which n-gram features a model uses. Stored in the model file so tagging builds
/// exactly the features training saw.
public struct FeatureOptions: Codable, Sendable, Equatable {
    /// Longest unit n-gram (1 = unigrams only). Units are Han characters and words.
    public var order: Int
    /// Longest n-gram built from Han characters only (rare Chinese words are covered by
    /// their character n-grams). Ignored when smaller than `order`.
    public var hanOrder: Int
    /// Character n-grams inside English words up to this length (0 = none): subword
    /// features for rare and misspelt words.
    public var subwordOrder: Int

    /// Word n-grams from the shared tokenizer's segmentation of Chinese, up to this
    /// order (0 = none): words the character n-grams only approximate.
    public var wordOrder: Int

    public init(order: Int = 3, hanOrder: Int = 3, subwordOrder: Int = 0, wordOrder: Int = 0) {
        self.order = order
        self.hanOrder = hanOrder
        self.subwordOrder = subwordOrder
        self.wordOrder = wordOrder
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        order = try c.decode(Int.self, forKey: .order)
        hanOrder = try c.decode(Int.self, forKey: .hanOrder)
        subwordOrder = try c.decodeIfPresent(Int.self, forKey: .subwordOrder) ?? 0
        wordOrder = try c.decodeIfPresent(Int.self, forKey: .wordOrder) ?? 0
    }
}
