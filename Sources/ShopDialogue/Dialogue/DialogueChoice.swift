/// One option of a clarification question.
public struct DialogueChoice: Sendable, Equatable {
    public var intent: String
    public var title: String
    public var probability: Float

    public init(intent: String, title: String, probability: Float) {
        self.intent = intent
        self.title = title
        self.probability = probability
    }
}
