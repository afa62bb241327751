/// Recognisers for pieces that must stay whole although ICU splits them: URLs, e-mail
/// addresses. Each returns the end offset of a match starting at `i`, or nil.
enum PatternScanner {
    @inline(__always)
    private static func lower(_ u: UInt16) -> UInt16 { (u >= 0x41 && u <= 0x5A) ? u | 0x20 : u }

    private static func hasPrefix(_ t: UnsafeBufferPointer<UInt16>, _ i: Int, _ end: Int, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        if i + n > end { return false }
        let bytes = p.utf8Start
        for k in 0..<n where lower(t[i + k]) != UInt16(bytes[k]) { return false }
        return true
    }

    /// `http://…`, `https://…` or `www.…`, up to whitespace or non-ASCII, without trailing
    /// sentence punctuation.
    static func url(_ t: UnsafeBufferPointer<UInt16>, at i: Int, end: Int) -> Int? {
        let u = lower(t[i])
        guard u == 0x68 || u == 0x77 else { return nil }
        var j: Int
        if hasPrefix(t, i, end, "https://") { j = i + 8 } else if hasPrefix(t, i, end, "http://") { j = i + 7 }
        else if hasPrefix(t, i, end, "www.") { j = i + 4 } else { return nil }
        let bodyStart = j
        while j < end, t[j] > 0x20, t[j] < 0x7F, t[j] != 0x22, t[j] != 0x3C, t[j] != 0x3E { j += 1 }
        // Sentence punctuation after a URL is not part of it.
        while j > bodyStart, isTrailingPunctuation(t[j - 1]) { j -= 1 }
        guard j > bodyStart, isAlnum(t[j - 1]) || t[j - 1] == 0x2F else { return nil }
        return j
    }

    /// `local@domain.tld` with an alphabetic top-level domain of two letters or more.
    static func email(_ t: UnsafeBufferPointer<UInt16>, at i: Int, end: Int) -> Int? {
        var j = i
        while j < end, isLocalPart(t[j]) { j += 1 }
        guard j > i, j < end, t[j] == 0x40 else { return nil }
        j += 1
        var lastDot = -1
        let domainStart = j
        while j < end, isAlnum(t[j]) || t[j] == 0x2D || t[j] == 0x2E {
            if t[j] == 0x2E { lastDot = j }
            j += 1
        }
        // A trailing dot ends the sentence, not the address.
        if j > domainStart, t[j - 1] == 0x2E { j -= 1; lastDot = -1
            for k in stride(from: j - 1, through: domainStart, by: -1) where t[k] == 0x2E { lastDot = k; break }
        }
        guard lastDot > domainStart, j - lastDot - 1 >= 2 else { return nil }
        for k in (lastDot + 1)..<j where !isAlpha(t[k]) { return nil }
        return j
    }

    @inline(__always) private static func isTrailingPunctuation(_ u: UInt16) -> Bool {
        switch u {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x27, 0x22: return true
        default: return false
        }
    }
    @inline(__always) static func isAlpha(_ u: UInt16) -> Bool { (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ u: UInt16) -> Bool { isAlpha(u) || (u >= 0x30 && u <= 0x39) }
    @inline(__always) private static func isLocalPart(_ u: UInt16) -> Bool {
        isAlnum(u) || u == 0x2E || u == 0x5F || u == 0x25 || u == 0x2B || u == 0x2D
    }
}
