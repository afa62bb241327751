/// What a `RecommenderTraining.train` run chose, for the log and the manifest.
public struct RecommenderTrainingReport: Sendable {
    public var selection: ModelSelection
    /// The ALS settings (tuned or given) the served model file holds.
    public var als: TunedSettings
    /// Users in the validation split (0: nothing could be validated).
    public var validationUsers: Int
    /// True: after choosing on the validation split, ALS was refitted on all training data.
    public var refitted: Bool

    /// Human-readable lines (validation per kind, chosen settings, any warning).
    public var lines: [String] {
        var out = selection.summary(serving: selection.served)
        let c = als.config, s = als.shaping
        out.append("ALS \(selection.tuningFits > 0 ? "tuned (\(selection.tuningFits) fits)" : "as given"): factors \(c.factors), reg \(c.regularization), alpha \(s.alpha)"
                   + (als.usedSentiment ? ", sentiment weight \(s.sentimentWeight)" : ", no sentiment"))
        if validationUsers == 0 { out.append("no user has two distinct training items: nothing was validated; serving \(selection.served.rawValue)") }
        return out
    }
}
