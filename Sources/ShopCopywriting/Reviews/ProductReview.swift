/// A review tied to a product, with the aspect opinions found in it.
public struct ProductReview: Sendable, Equatable {
    public var productID: String
    public var text: String
    public var aspects: [AspectMention]
    public var line: Int

    public init(productID: String, text: String, aspects: [AspectMention], line: Int = 0) {
        self.productID = productID
        self.text = text
        self.aspects = aspects
        self.line = line
    }
}
