import ShopSentiment

/// Urgency from the review sentiment models (ShopSentiment, one per language) together
/// with the anger lexicon. Sentiment alone cannot tell "negative" from "angry" (every
/// complaint is negative), so a very negative message needs an anger cue as well to reach
/// the escalation level: score = ½·lexicon + ½·max(0, 2·P(negative) − 1).
public struct SentimentUrgency: UrgencyScoring {
    public var zh: SentimentModel?
    public var en: SentimentModel?
    public var lexicon = LexiconUrgency()
    /// The label index meaning negative in each model ("0" in the shipped models).
    public var negativeLabel = "0"

    public var name: String { "sentiment+lexicon" }

    public init(zh: SentimentModel?, en: SentimentModel?) {
        self.zh = zh
        self.en = en
    }

    public func negativity(_ text: String) -> Float {
        let lex = lexicon.negativity(text)
        guard let model = Language.of(text) == .zh ? (zh ?? en) : (en ?? zh),
              let neg = model.labels.firstIndex(of: negativeLabel) else { return lex }
        let p = model.predict(text).probabilities[neg]
        return min(1, 0.5 * lex + 0.5 * max(0, 2 * p - 1))
    }
}
