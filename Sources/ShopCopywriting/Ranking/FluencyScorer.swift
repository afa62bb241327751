/// Scores how natural a text reads: the mean log-probability per token under a language
/// model (higher is better; 0 would be certain).
public protocol FluencyScorer: Sendable {
    func meanLogProbability(_ text: String, language: CopyLanguage) -> Double
    /// Several texts at once (a model can batch them).
    func meanLogProbabilities(_ texts: [String], language: CopyLanguage) -> [Double]
}

extension FluencyScorer {
    public func meanLogProbabilities(_ texts: [String], language: CopyLanguage) -> [Double] {
        texts.map { meanLogProbability($0, language: language) }
    }
}
