import Foundation

/// A dictionary key for a text, hashed and compared by its UTF-8 bytes.
///
/// Why: `String` hashes and compares by canonical equivalence, which for Chinese text means
/// a normalisation pass on every lookup; the LM memo looks up every sentence of every
/// candidate, and that pass was a visible share of ranking time. Byte equality is stricter
/// than canonical equivalence, which is what a score memo needs.
///
/// The bytes are hashed once, when the key is made: the memo hashes a missing sentence's
/// key three times (lookup, batch slot, insert) and more when a table grows, and keys with
/// different hashes compare unequal without reading their bytes.
struct UTF8Key: Hashable {
    let text: String
    private let bytesHash: Int

    init(_ text: String) {
        var t = text
        var hasher = Hasher()
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.text = t
        bytesHash = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.bytesHash == b.bytesHash && bytesEqual(a.text, b.text)
    }

    /// Same UTF-8 bytes. Lengths first: most calls compare facts that differ (a fact list
    /// scanned for one), and a native string's length is stored. The bytes are then read
    /// in place, without the copy `withUTF8` needs (a retain and release per string, a
    /// visible share of describe's reference counting).
    @inline(__always)
    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        if n == 0 { return true }
        let same = a.utf8.withContiguousStorageIfAvailable { p in
            b.utf8.withContiguousStorageIfAvailable { q in memcmp(p.baseAddress!, q.baseAddress!, n) == 0 }
        }
        if let same, let same { return same }
        return a.utf8.elementsEqual(b.utf8)
    }
}
