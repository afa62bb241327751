import Foundation
import ShopCore

/// Substring search without Foundation, for the chat's per-turn word lists (the anger
/// lexicon, gazetteer terms). Foundation's `contains`/`replacingOccurrences` compare by
/// canonical equivalence through a bridged NSString, which cost a fifth of a chat turn's CPU.
///
/// On a *plain* text — only ASCII letters/digits/punctuation/whitespace (tab, LF, space),
/// CJK unified ideographs U+4E00–9FFF, CJK punctuation U+3000–3029 and U+3030–303F (not the
/// combining tone marks U+302A–302F), general punctuation U+2010–2027 and full-width forms
/// U+FF01–FF5E — no character has a canonical decomposition or combines with its neighbour,
/// and no two form one grapheme, so canonical-equivalence matching of a plain needle equals
/// an exact UTF-8 byte match.
/// Callers take the fast path only when `isPlain` holds for the text and every needle;
/// `PlainTextSearchTests` checks both paths agree.
public enum PlainTextSearch {
    /// Whether every scalar of `s` is in the plain set above.
    public static func isPlain(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                if v >= 0x20 && v < 0x7F { continue }
                // not CR: CR LF is one grapheme, which Foundation's search does not cut
                if v == 0x09 || v == 0x0A { continue }
                return false
            }
            if (0x4E00...0x9FFF).contains(v) || (0x3000...0x3029).contains(v) || (0x3030...0x303F).contains(v)
                || (0x2010...0x2027).contains(v) || (0xFF01...0xFF5E).contains(v) { continue }
            return false
        }
        return true
    }

    /// Exact byte-level containment (valid UTF-8 makes a byte match a scalar match).
    public static func contains(_ hay: String, _ needle: String) -> Bool {
        if needle.isEmpty { return false }  // as Foundation: an empty needle is never found
        var hay = hay, needle = needle
        return hay.withUTF8 { h in needle.withUTF8 { n in ByteSearch.firstIndex(of: n, in: h, from: 0) != nil } }
    }

    /// `hay` with every non-overlapping occurrence of `needle` (left to right) replaced.
    public static func replacing(_ needle: String, with replacement: String, in hay: String) -> String {
        if needle.isEmpty { return hay }
        var hay = hay, needle = needle
        return hay.withUTF8 { h in
            needle.withUTF8 { n in
                guard var i = ByteSearch.firstIndex(of: n, in: h, from: 0) else { return String(decoding: h, as: UTF8.self) }
                var out: [UInt8] = []
                out.reserveCapacity(h.count)
                var start = 0
                while true {
                    out.append(contentsOf: h[start..<i])
                    out.append(contentsOf: replacement.utf8)
                    start = i + n.count
                    guard let next = ByteSearch.firstIndex(of: n, in: h, from: start) else { break }
                    i = next
                }
                out.append(contentsOf: h[start..<h.count])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// UTF-16 offsets of every occurrence of `needle` in `hay` (overlapping ones too), as
    /// `NSString.range(of:options: .literal, range:)` finds them when moved one unit on.
    public static func utf16Occurrences(of needle: [UInt16], in hay: [UInt16]) -> [Int] {
        let m = needle.count
        guard m > 0, hay.count >= m else { return [] }
        var out: [Int] = []
        let first = needle[0]
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                for i in 0...(h.count - m) where h[i] == first {
                    var j = 1
                    while j < m && h[i + j] == n[j] { j += 1 }
                    if j == m { out.append(i) }
                }
            }
        }
        return out
    }
}
