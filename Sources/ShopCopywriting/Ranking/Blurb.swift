/// A ranked blurb: its text, the facts it mentions, and how it scored.
public struct Blurb: Sendable, Equatable {
    public var text: String
    public var mentions: [ProductAttribute]
    public var template: String
    public var score: Double
    public var coverage: Double
    public var repetition: Double
    /// Mean log-probability per token under the LM, when one was used.
    public var fluency: Double?
    /// The template parts' texts the blurb is made of (scored one by one by the LM).
    public var pieces: [String]

    public init(text: String, mentions: [ProductAttribute], template: String, score: Double, coverage: Double,
                repetition: Double, fluency: Double? = nil, pieces: [String] = []) {
        self.text = text
        self.mentions = mentions
        self.template = template
        self.score = score
        self.coverage = coverage
        self.repetition = repetition
        self.fluency = fluency
        self.pieces = pieces.isEmpty ? [text] : pieces
    }
}
