import ShopCore

/// Scores how natural text reads under a language model. A blurb is scored sentence by
/// sentence (its template parts): the log-probabilities and token counts of its pieces
/// add up, and the mean per token is the blurb's fluency. Scoring pieces rather than whole
/// candidates lets a scorer memoise them, since the same realised sentences recur across
/// candidates and products.
public protocol FluencyScorer: Sendable {
    /// For each text: total natural-log probability and the number of predicted tokens.
    func logProbabilities(_ texts: [String], language: Language) -> [(logProb: Double, tokens: Int)]
}

extension FluencyScorer {
    /// Mean log-probability per token of one text.
    public func meanLogProbability(_ text: String, language: Language) -> Double {
        let r = logProbabilities([text], language: language)[0]
        return r.tokens == 0 ? 0 : r.logProb / Double(r.tokens)
    }
}
