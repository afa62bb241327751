import ShopCore

/// One product's candidates ranked on everything but fluency (see `Ranker.draft`).
public struct RankingDraft: Sendable {
    public let language: Language
    /// Blurbs wanted.
    public let count: Int
    /// The best fitted, base-scored candidates, best first: at least the shortlist, the
    /// diversity step's 16 and `count` (all of them when fewer).
    public let head: [Blurb]
    /// Candidates ranked in all.
    public let total: Int
    /// How many of the first `head` get the LM term.
    public let shortlist: Int
    /// The sentence pieces of the shortlisted blurbs, in order: what the LM scores.
    public let pieces: [String]
    /// The candidates after `head`, in order, written out when called (nil: none).
    let rest: (@Sendable () -> [Blurb])?

    /// Every candidate, best first.
    public var sorted: [Blurb] { head + (rest?() ?? []) }
}
