import ShopCore

/// The result for one product: the ranked blurbs, and the review evidence considered.
public struct ProductDescription: Sendable {
    public var productID: String
    public var language: Language
    public var blurbs: [Blurb]
    /// Aspect tallies from the product's reviews (all of them, used or not).
    public var evidence: [ReviewHighlight]
    /// The aspects that passed the evidence test and could be used.
    public var highlights: [ReviewHighlight]
    /// Candidates considered before ranking.
    public var candidateCount: Int
    /// Fields left out of the record (unreadable price, implausible age, unsupported language).
    public var warnings: [String]
    /// Title, bullets and keywords for the best blurb (when `DescriberOptions.listing` is set).
    public var listing: ListingCopy?

    public init(productID: String, language: Language, blurbs: [Blurb], evidence: [ReviewHighlight] = [],
                highlights: [ReviewHighlight] = [], candidateCount: Int = 0, warnings: [String] = [],
                listing: ListingCopy? = nil) {
        self.warnings = warnings
        self.listing = listing
        self.productID = productID
        self.language = language
        self.blurbs = blurbs
        self.evidence = evidence
        self.highlights = highlights
        self.candidateCount = candidateCount
    }
}
