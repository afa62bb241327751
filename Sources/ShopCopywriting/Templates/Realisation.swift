/// A realised piece of text and the facts it mentions.
public struct Realisation: Sendable, Equatable {
    public var text: String
    public var facts: [ProductAttribute]
    /// The template tone the line was written for (nil: any tone).
    public var tone: Tone?

    public init(text: String, facts: [ProductAttribute] = [], tone: Tone? = nil) {
        self.text = text
        self.facts = facts
        self.tone = tone
    }
}
