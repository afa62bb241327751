extension IntentModel {
    /// Scores the model on labelled utterances. A gold intent the model was never trained
    /// on counts as out of scope: the right answer for it is a rejection.
    public func evaluate(_ data: [LabeledUtterance]) -> IntentMetrics {
        let known = Set(labels)
        return IntentMetrics(gold: data.map { known.contains($0.intent) ? $0.intent : outOfScopeLabel },
                             predicted: data.map { classify($0.text).intent })
    }
}
