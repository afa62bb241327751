/// An aspect buyers praise, with the evidence that allowed us to say so.
public struct ReviewHighlight: Sendable, Equatable, Codable {
    /// The aspect as reviewers name it: `battery life`, `面料`.
    public var aspect: String
    /// Reviews of the product that mention the aspect.
    public var mentions: Int
    /// Of those, the ones that are positive about it.
    public var positive: Int
    /// positive / mentions.
    public var positiveShare: Double { mentions == 0 ? 0 : Double(positive) / Double(mentions) }

    public init(aspect: String, mentions: Int, positive: Int) {
        self.aspect = aspect
        self.mentions = mentions
        self.positive = positive
    }
}
