import Foundation

/// A dictionary key for a text, hashed and compared by its UTF-8 bytes.
///
/// Why: `String` hashes and compares by canonical equivalence, which for Chinese text means
/// a normalisation pass on every lookup; the LM memo looks up every sentence of every
/// candidate, and that pass was a visible share of ranking time. Byte equality is stricter
/// than canonical equivalence, which is what a score memo needs.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) {
        var t = text
        t.makeContiguousUTF8()
        self.text = t
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        bytesEqual(a.text, b.text)
    }

    /// Same UTF-8 bytes.
    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        var x = a, y = b
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}
