/// User words that must stay whole, found by longest match at a position.
struct UserDictionary: Sendable {
    /// Words by their first code unit, longest first.
    private var byFirst: [UInt16: [[UInt16]]] = [:]
    /// One bit per possible first code unit, so most positions are rejected without hashing.
    private var firstBits = [UInt64](repeating: 0, count: 1024)

    init(_ words: [String]) {
        for word in words {
            let trimmed = word.trimmingWhitespace()
            let units = Array(trimmed.utf16)
            guard let first = units.first else { continue }
            if byFirst[first]?.contains(units) == true { continue }
            byFirst[first, default: []].append(units)
            firstBits[Int(first >> 6)] |= 1 << UInt64(first & 63)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
    }

    var isEmpty: Bool { byFirst.isEmpty }

    /// The end of the longest user word starting at `i`, if any.
    @inline(__always)
    func match(_ text: UnsafeBufferPointer<UInt16>, at i: Int, limit: Int) -> Int? {
        let first = text[i]
        guard firstBits[Int(first >> 6)] & (1 << UInt64(first & 63)) != 0, let candidates = byFirst[first] else { return nil }
        outer: for word in candidates where i + word.count <= limit {
            for k in 1..<word.count where text[i + k] != word[k] { continue outer }
            return i + word.count
        }
        return nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, CharClass.isWhitespace(f.value) { scalars.removeFirst() }
        while let l = scalars.last, CharClass.isWhitespace(l.value) { scalars.removeLast() }
        return String(scalars)
    }
}
