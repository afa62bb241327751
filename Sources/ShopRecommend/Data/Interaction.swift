/// One user–item event: a purchase or review, with what the source knows of it.
public struct Interaction: Sendable, Equatable {
    public var user: String
    public var item: String
    /// Star rating 1–5, when the source has one.
    public var rating: Float?
    /// Unix seconds, when the source has one (orders the leave-last-out split).
    public var timestamp: Int?
    /// Review text, when the source has one (feeds sentiment features and cold start).
    public var text: String?

    public init(user: String, item: String, rating: Float? = nil, timestamp: Int? = nil, text: String? = nil) {
        self.user = user
        self.item = item
        self.rating = rating
        self.timestamp = timestamp
        self.text = text
    }
}
