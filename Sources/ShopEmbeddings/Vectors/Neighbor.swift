/// A word and its cosine similarity to a query.
public struct Neighbor: Sendable, Equatable {
    public let word: String
    public let similarity: Float
}
