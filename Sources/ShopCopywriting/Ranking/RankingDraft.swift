import ShopCore

/// One product's candidates ranked on everything but fluency (see `Ranker.draft`).
public struct RankingDraft: Sendable {
    public let language: Language
    /// Blurbs wanted.
    public let count: Int
    /// Fitted, base-scored candidates, best first.
    public let sorted: [Blurb]
    /// How many of the first `sorted` get the LM term.
    public let shortlist: Int
    /// The sentence pieces of the shortlisted blurbs, in order: what the LM scores.
    public let pieces: [String]
}
