/// Builds the output of `HTMLText` on UTF-8 bytes: collapses whitespace runs to one space
/// and block boundaries to one line break (or space), with nothing leading or trailing.
struct TextCollector {
    let keepLineBreaks: Bool
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false

    init(keepLineBreaks: Bool) { self.keepLineBreaks = keepLineBreaks }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func space() { pendingSpace = true }
    mutating func lineBreak() { pendingBreak = true }

    /// Appends a NUL-terminated UTF-8 chunk (libxml2 text content).
    mutating func append(_ p: UnsafePointer<UInt8>) {
        var i = 0
        while p[i] != 0 {
            let w = Self.whitespaceWidth(p + i)
            if w > 0 {
                pendingSpace = true
                i += w
                continue
            }
            if !bytes.isEmpty && (pendingBreak || pendingSpace) {
                bytes.append(pendingBreak && keepLineBreaks ? 0x0A : 0x20)
            }
            pendingBreak = false
            pendingSpace = false
            bytes.append(p[i])
            i += 1
        }
    }

    /// The byte length of the whitespace character at `p` (ASCII space, tab, line breaks,
    /// NBSP, the U+2000 spaces, line/paragraph separators, ideographic space), else 0.
    static func whitespaceWidth(_ p: UnsafePointer<UInt8>) -> Int {
        let b = p[0]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        if b == 0xC2 { return p[1] == 0xA0 || p[1] == 0x85 ? 2 : 0 }
        if b == 0xE2 && p[1] == 0x80 {
            let c = p[2]
            return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0
        }
        if b == 0xE2 && p[1] == 0x81 && p[2] == 0x9F { return 3 }
        if b == 0xE3 && p[1] == 0x80 && p[2] == 0x80 { return 3 }
        if b == 0xE1 && p[1] == 0x9A && p[2] == 0x80 { return 3 }
        return 0
    }
}
