/// One token: the exact characters of the input and where they are.
public struct Token: Sendable, Equatable {
    /// The exact characters of the input (never normalised).
    public var text: String
    /// UTF-16 offset of the first code unit in the input line.
    public var start: Int
    /// UTF-16 offset just past the last code unit.
    public var end: Int
    public var kind: TokenKind

    public init(text: String, start: Int, end: Int, kind: TokenKind) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
    }
}
