/// The validation split every training-time choice is made on: each user's latest
/// *training* interaction is held out (the same rule as `LeaveLastOut`, applied to the
/// training data only), so the test split is never looked at.
public struct ValidationSplit: Sendable {
    /// Training minus the validation interactions, with the sentiment of the full set.
    public var train: TrainingSet
    /// One interaction per user with at least two distinct training items.
    public var validation: [Interaction]

    public init(_ training: TrainingSet) {
        let split = LeaveLastOut(training.interactions)
        train = TrainingSet(interactions: split.train, positive: training.positive)
        validation = split.test
    }
}
