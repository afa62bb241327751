/// One candidate blurb before ranking.
public struct Candidate: Sendable, Equatable {
    public var text: String
    public var facts: [ProductAttribute]
    public var template: String
    /// Lines used that were written for the requested tone.
    public var toneMatches: Int
    /// The parts used, in order.
    public var parts: [String]
    /// The text of each part, in order (for shortening without re-realising).
    public var pieces: [String]
    public var partFacts: [[ProductAttribute]]
    /// `TextStatistics.repetition` of `text` when already known (nil: the ranker computes it).
    public var repetition: Double?

    public init(text: String, facts: [ProductAttribute], template: String, toneMatches: Int = 0,
                parts: [String] = [], pieces: [String] = [], partFacts: [[ProductAttribute]] = [], repetition: Double? = nil) {
        self.text = text
        self.facts = facts
        self.template = template
        self.toneMatches = toneMatches
        self.parts = parts
        self.pieces = pieces
        self.partFacts = partFacts
        self.repetition = repetition
    }
}
