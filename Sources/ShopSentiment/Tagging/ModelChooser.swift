/// Picks the model for a record: one explicit model for everything, or the default
/// model of the record's language (Chinese when at least 30% of its letters are Han).
public struct ModelChooser: Sendable {
    public let single: SentimentModel?
    public let zh: SentimentModel?
    public let en: SentimentModel?

    public init(model: SentimentModel) {
        single = model; zh = nil; en = nil
    }

    /// Per-language models; at least one must be given (the other language falls back to it).
    public init(zh: SentimentModel?, en: SentimentModel?) {
        precondition(zh != nil || en != nil, "ModelChooser needs at least one model")
        single = nil; self.zh = zh; self.en = en
    }

    /// The language tag and model for `units`.
    public func choose(_ units: TextUnits) -> (language: String?, model: SentimentModel) {
        if let single { return (single.info.language, single) }
        let lang = units.hanShare >= 0.3 ? "zh" : "en"
        let m = lang == "zh" ? (zh ?? en!) : (en ?? zh!)
        return (lang, m)
    }
}
