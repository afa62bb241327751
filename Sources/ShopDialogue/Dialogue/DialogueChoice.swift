/// One option of a clarification question.
public struct DialogueChoice: Sendable, Equatable {
    public var intent: String
    public var title: String
    public var probability: Float
}
