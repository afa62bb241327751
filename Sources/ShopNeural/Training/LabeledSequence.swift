/// One training or evaluation example for a `TextClassifier`.
public struct LabeledSequence: Sendable, Equatable {
    public var tokens: [Int32]
    /// Hashed wide-feature ids (empty when the model has no wide path).
    public var wide: [Int32]
    public var label: Int

    public init(tokens: [Int32], wide: [Int32] = [], label: Int) {
        self.tokens = tokens
        self.wide = wide
        self.label = label
    }
}
