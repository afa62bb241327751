/// A review tied to a product, with the aspect opinions found in it.
public struct ProductReview: Sendable, Equatable {
    public var productID: String
    public var text: String
    public var aspects: [AspectMention]
    public var line: Int
    /// The review as a whole is negative (a 1–2 star rating, a negative label, or mostly
    /// negative clauses): a product most buyers pan gets no praise, whatever one aspect's tally.
    public var negative: Bool

    public init(productID: String, text: String, aspects: [AspectMention], line: Int = 0, negative: Bool = false) {
        self.negative = negative
        self.productID = productID
        self.text = text
        self.aspects = aspects
        self.line = line
    }
}
