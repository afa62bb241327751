/// One `<review>` of the Blitzer et al. (2007) multi-domain sentiment files.
public struct BlitzerReview: Sendable, Equatable {
    public var uniqueID: String
    public var asin: String
    public var productName: String
    public var productType: String
    /// "3 of 5" style helpfulness votes, as in the file.
    public var helpful: String
    /// Star rating (1.0–5.0); nil when the field is missing or not a number.
    public var rating: Double?
    public var title: String
    public var date: String
    public var reviewer: String
    public var reviewerLocation: String
    /// The review body: whitespace trimmed, HTML entities left in the corpus (`&lt;`,
    /// `&quot;`) decoded when read with `decodeHTML`.
    public var text: String
    /// The line of the `<review>` start tag.
    public var line: Int

    /// positive (4–5 stars), negative (1–2), or nil (3 or unknown), as in the corpus split.
    public var polarity: String? {
        guard let rating else { return nil }
        return rating >= 4 ? "positive" : rating <= 2 ? "negative" : nil
    }
}
