/// One aspect a review talks about, with the polarity of the clause around it.
public struct AspectMention: Sendable, Equatable {
    /// The term as written (normalised).
    public var term: String
    /// The aspect the term names (lexicon), or the term itself (heuristic).
    public var aspect: String
    /// `positive`, `negative` or `neutral`.
    public var polarity: String
    /// Probability of `polarity` from the clause model (for neutral: 1 - |p - 0.5| * 2).
    public var score: Float
    /// Unit range of the term in the text.
    public var firstUnit: Int
    public var unitCount: Int
}
