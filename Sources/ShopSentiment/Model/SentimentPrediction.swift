/// One prediction: the label, its probability, and all label probabilities.
public struct SentimentPrediction: Sendable, Equatable {
    public var label: String
    public var labelIndex: Int
    /// Probability of `label`.
    public var score: Float
    /// Probabilities in the model's label order.
    public var probabilities: [Float]
    /// The deep path's most attended words, when asked for (`predict(batch:attentionTop:)`).
    public var attention: [WeightedToken] = []
}

/// A token and how much it pushed the prediction towards the predicted label.
public struct WeightedToken: Sendable, Equatable {
    public var text: String
    public var weight: Float
}
