/// One training or test example: an intent label and an utterance.
public struct LabeledUtterance: Sendable, Equatable {
    public var intent: String
    public var text: String
}
