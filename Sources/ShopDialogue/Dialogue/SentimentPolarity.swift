import ShopSentiment

/// The two ends of review sentiment, as the dialogue asks for them: typed, so a model
/// whose labels are `negative`/`positive` and one whose labels are `0`/`1` both answer.
public enum SentimentPolarity: String, Sendable {
    case negative, positive
}

extension SentimentModel {
    /// The index of the label meaning `polarity` (`negative`, `neg`, `0`, … through
    /// `LabelMapping`), nil when the model has none.
    public func labelIndex(of polarity: SentimentPolarity) -> Int? {
        let mapping = LabelMapping()
        return labels.firstIndex { mapping.map($0) == polarity.rawValue }
    }

    /// P(polarity | text), nil when the model has no such label.
    public func probability(of polarity: SentimentPolarity, in text: String) -> Float? {
        guard let i = labelIndex(of: polarity) else { return nil }
        return predict(text).probabilities[i]
    }
}
