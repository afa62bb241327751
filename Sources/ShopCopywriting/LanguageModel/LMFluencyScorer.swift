/// Fluency from our LSTM language models, one per language; a language without a model
/// scores 0 (neutral), so ranking falls back to coverage and repetition.
public struct LMFluencyScorer: FluencyScorer {
    public let models: [CopyLanguage: CopyLanguageModel]

    public init(models: [CopyLanguageModel]) {
        var d: [CopyLanguage: CopyLanguageModel] = [:]
        for m in models { d[m.language] = m }
        self.models = d
    }

    public func meanLogProbability(_ text: String, language: CopyLanguage) -> Double {
        models[language]?.meanLogProbabilities([text])[0] ?? 0
    }

    public func meanLogProbabilities(_ texts: [String], language: CopyLanguage) -> [Double] {
        models[language]?.meanLogProbabilities(texts) ?? texts.map { _ in 0 }
    }
}
