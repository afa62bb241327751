/// Decoding helpers over a line held as UTF-16 code units.
extension UnsafeBufferPointer where Element == UInt16 {
    /// The scalar at `i` and its length in code units (1 or 2). A lone surrogate reads as
    /// itself with length 1, so malformed input never traps.
    @inline(__always)
    func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let u = self[i]
        if u & 0xFC00 == 0xD800, i + 1 < count {
            let v = self[i + 1]
            if v & 0xFC00 == 0xDC00 {
                return (0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(v) - 0xDC00), 2)
            }
        }
        return (UInt32(u), 1)
    }
}
