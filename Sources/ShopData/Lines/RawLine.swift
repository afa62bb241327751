/// One line as an owned byte array, with its 1-based number and the byte offset just past it.
public struct RawLine: Sendable, Equatable {
    public var number: Int
    public var bytes: [UInt8]
    public var endOffset: Int64

    public init(number: Int, bytes: [UInt8], endOffset: Int64) {
        self.number = number
        self.bytes = bytes
        self.endOffset = endOffset
    }
}
