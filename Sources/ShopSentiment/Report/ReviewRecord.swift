/// One tagged review as the report reads it.
public struct ReviewRecord: Sendable, Equatable {
    /// One aspect the review mentions, with its polarity.
    public struct Aspect: Sendable, Equatable {
        public var aspect: String
        public var term: String
        public var polarity: String
        public init(aspect: String, term: String, polarity: String) {
            self.aspect = aspect; self.term = term; self.polarity = polarity
        }
    }

    /// Input line number (1-based).
    public var line: Int
    /// `positive`, `negative` or `neutral`.
    public var label: String
    public var text: String?
    public var product: String?
    /// Days since 1970-01-01 (UTC), when the record has a readable date.
    public var day: Int?
    public var aspects: [Aspect]

    public init(line: Int, label: String, text: String? = nil, product: String? = nil, day: Int? = nil, aspects: [Aspect] = []) {
        self.line = line; self.label = label; self.text = text; self.product = product; self.day = day; self.aspects = aspects
    }
}
