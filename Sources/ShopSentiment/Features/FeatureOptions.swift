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

    public init(order: Int = 3, hanOrder: Int = 3, subwordOrder: Int = 0) {
        self.order = order
        self.hanOrder = hanOrder
        self.subwordOrder = subwordOrder
    }
}
