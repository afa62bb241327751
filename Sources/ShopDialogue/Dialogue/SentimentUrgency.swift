import Foundation
import ShopSentiment
import ShopCore

/// Urgency from the review sentiment models (ShopSentiment, one per language) together
/// with the anger lexicon. Sentiment alone cannot tell "angry" from "a calm complaint"
/// (both are negative), and the lexicon alone fires on words like "scam" in a neutral
/// question, so the score needs both: anger cues scaled by how negative the model reads
/// the message, plus a little for a very negative message without cues:
/// score = min(1, lexicon · (floor + (1 − floor) · P(negative)) + bonus · max(0, 2·P(negative) − 1)),
/// with the uncapped lexicon sum (stacked anger cues outweigh an unsure review model), and 0
/// when the lexicon finds no cue at all.
public struct SentimentUrgency: UrgencyScoring {
    public var zh: SentimentModel?
    public var en: SentimentModel?
    public var lexicon = LexiconUrgency()
    /// Share of the lexicon score kept when the model reads the message as positive.
    public var floor: Float = 0.2
    /// Weight of a strongly negative reading on its own.
    public var bonus: Float = 0.05
    /// A label to read as negative when a model has exactly this label; otherwise the label
    /// meaning negative is found by polarity (`negative`, `neg`, `0`, …), so both the shipped
    /// `negative`/`positive` models and `0`/`1` ones work.
    public var negativeLabel = "negative"

    public var name: String { "sentiment+lexicon" }

    public init(zh: SentimentModel?, en: SentimentModel?) {
        self.zh = zh
        self.en = en
    }

    /// P(negative) from the model of the message's language (the other one when missing).
    public func negativeProbability(_ text: String) -> Float? {
        guard let model = Language.of(text) == .zh ? (zh ?? en) : (en ?? zh),
              let i = model.labels.firstIndex(of: negativeLabel) ?? model.labelIndex(of: .negative) else { return nil }
        return model.predict(text).probabilities[i]
    }

    public func negativity(_ text: String) -> Float {
        let lex = lexicon.rawScore(text)
        // without an anger cue the score stays at most `bonus`, far below escalation: skip the
        // model (a BiLSTM pass) on the ordinary turns that are most of a conversation
        if lex == 0 { return 0 }
        guard let p = negativeProbability(text) else { return lex }
        return min(1, lex * (floor + (1 - floor) * p) + bonus * max(0, 2 * p - 1))
    }

    /// The shipped scorer: `sentiment-zh.model` / `sentiment-en.model` from `folder` with the
    /// lexicon, or the lexicon alone (and a note for the caller to show) when neither loads.
    public static func shipped(folder: String) -> (UrgencyScoring, note: String?) {
        let dir = folder as NSString
        let zh = try? SentimentModelFile.read(dir.appendingPathComponent("sentiment-zh.model"))
        let en = try? SentimentModelFile.read(dir.appendingPathComponent("sentiment-en.model"))
        if zh == nil && en == nil {
            return (LexiconUrgency(), "no sentiment model in \(folder); urgency uses the anger lexicon only")
        }
        return (SentimentUrgency(zh: zh, en: en), nil)
    }
}
