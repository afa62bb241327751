/// An entity found in a message: its type (entity name), normalised value and the matched text.
public struct Entity: Sendable, Equatable {
    public var type: String
    public var value: String
    public var text: String
    /// UTF-16 offset and length of the match in the message (as NSString counts).
    public var location: Int
    public var length: Int
}
