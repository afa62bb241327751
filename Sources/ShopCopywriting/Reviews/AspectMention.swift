/// One review's opinion about one aspect of a product.
public struct AspectMention: Sendable, Equatable {
    public var aspect: String
    public var positive: Bool

    public init(aspect: String, positive: Bool) {
        self.aspect = aspect
        self.positive = positive
    }
}
