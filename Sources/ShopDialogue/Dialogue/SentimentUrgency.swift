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
    /// The models, each read from its file only when a message first needs it.
    public var zhSource: LazySentimentModel
    public var enSource: LazySentimentModel
    public var zh: SentimentModel? {
        get { zhSource.model }
        set { zhSource = LazySentimentModel(model: newValue) }
    }
    public var en: SentimentModel? {
        get { enSource.model }
        set { enSource = LazySentimentModel(model: newValue) }
    }
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
        zhSource = LazySentimentModel(model: zh)
        enSource = LazySentimentModel(model: en)
    }

    /// Models read from their files on first use.
    public init(zh: LazySentimentModel, en: LazySentimentModel) {
        zhSource = zh
        enSource = en
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
    /// lexicon, or the lexicon alone (and a note for the caller to show) when neither exists.
    /// The models are read when a message first needs one (most turns have no anger cue).
    public static func shipped(folder: String) -> (UrgencyScoring, note: String?) {
        let dir = folder as NSString
        let zh = dir.appendingPathComponent("sentiment-zh.model"), en = dir.appendingPathComponent("sentiment-en.model")
        let fm = FileManager.default
        if !fm.fileExists(atPath: zh) && !fm.fileExists(atPath: en) {
            return (LexiconUrgency(), "no sentiment model in \(folder); urgency uses the anger lexicon only")
        }
        return (SentimentUrgency(zh: LazySentimentModel(path: zh), en: LazySentimentModel(path: en)), nil)
    }
}
