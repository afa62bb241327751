import ShopCore

/// What `ProductDescriber` writes: language, tone, how many blurbs, how long.
public struct DescriberOptions: Sendable {
    /// nil: each record's own or guessed language.
    public var language: Language?
    public var tone: Tone
    public var variants: Int
    /// Blurbs longer than this (in characters) are shortened by dropping parts, or skipped.
    public var maxChars: Int?
    public var seed: UInt64
    /// Candidate blurbs built per product and template (`CandidateGenerator.maxCandidates`).
    public var maxCandidates: Int
    /// 32 (was 24), chosen on the AdvertiseGen dev portion with the LM shortlist of 12: char
    /// BLEU-4 6.86 → 6.96 at distinct-2 0.1245 → 0.1228 (Benchmarks/results/shortlist.md).
    public static let defaultMaxCandidates = 32
    /// Realisations kept per template line (a seeded sample when its alternatives multiply past this).
    public var maxRealisationsPerLine: Int
    /// Use a line written for the product's own value over generic ones when both say as much
    /// (`CandidateGenerator.preferSpecific`).
    public var preferSpecific: Bool
    /// Also write a title, bullets and keywords, sized for this platform (nil: paragraph only).
    public var listing: CopyPreset?

    public init(language: Language? = nil, tone: Tone = .plain, variants: Int = 1, maxChars: Int? = nil,
                seed: UInt64 = 1, maxCandidates: Int = defaultMaxCandidates, maxRealisationsPerLine: Int = 16, preferSpecific: Bool = false,
                listing: CopyPreset? = nil) {
        self.maxRealisationsPerLine = maxRealisationsPerLine
        self.preferSpecific = preferSpecific
        self.listing = listing
        self.language = language
        self.tone = tone
        self.variants = variants
        self.maxChars = maxChars
        self.seed = seed
        self.maxCandidates = maxCandidates
    }
}
