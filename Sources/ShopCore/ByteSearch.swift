/// Byte-string search for hot loops that match UTF-8 text without Foundation (the chat's
/// plain-text word lists, the copy's claims table): a scan for the first byte, then a compare.
public enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `hay` at or after `from`; nil when there
    /// is none or the needle is empty.
    @inlinable
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let m = needle.count
        guard m > 0, hay.count - from >= m else { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - m
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < m && hay[i + j] == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }
}
