/// Turns text units into hashed n-gram feature keys. Each feature remembers which units
/// it covers so explanations can point back at the words.
public struct FeatureExtractor: Sendable {
    public let options: FeatureOptions
    /// Segments Chinese into words for `wordOrder` features.
    let words: WordSegmenter?

    public init(options: FeatureOptions) {
        self.options = options
        self.words = options.wordOrder > 0 ? WordSegmenter.shared : nil
    }

    /// Calls `body(key, firstUnit, unitCount)` for every feature of `units`
    /// (duplicates included; `unitCount` 0 marks a subword feature of unit `firstUnit`).
    @inline(__always)
    public func forEach(_ units: TextUnits, _ body: (UInt64, Int, Int) -> Void) {
        let n = units.count
        let maxOrder = max(options.order, options.hanOrder)
        for i in 0..<n {
            var h = units.hashes[i]
            body(h, i, 1)
            var allHan = units.isHan[i]
            var len = 1
            while len < maxOrder && i + len < n {
                let j = i + len
                allHan = allHan && units.isHan[j]
                len += 1
                h = FeatureHash.combine(h, units.hashes[j], salt: UInt64(len))
                guard len <= options.order || allHan else { break }
                body(h, i, len)
            }
            if options.subwordOrder > 0 && !units.isHan[i] {
                subwords(units, i, body)
            }
        }
        if let words, units.isHan.contains(true) {
            // Multi-character Chinese words and their n-grams; first unit -1: no span.
            let ws = words.words(units.source)
            var hs: [UInt64] = []
            hs.reserveCapacity(ws.count)
            for w in ws { hs.append(FeatureHash.combine(FeatureHash.string(w), 0x5757, salt: 77)) }
            for a in 0..<hs.count {
                var h = hs[a]
                if ws[a].unicodeScalars.count > 1 { body(h, -1, 0) }
                var b = a + 1
                while b < hs.count && b - a < options.wordOrder {
                    h = FeatureHash.combine(h, hs[b], salt: 78)
                    body(h, -1, 0)
                    b += 1
                }
            }
        }
    }

    /// Character n-grams (3…subwordOrder) of a word with boundary marks, fastText style.
    private func subwords(_ units: TextUnits, _ i: Int, _ body: (UInt64, Int, Int) -> Void) {
        let s = Int(units.starts[i]), e = Int(units.ends[i])
        guard e - s >= 4 else { return }
        var chars: [UInt32] = [0x3C]
        for k in s..<e { chars.append(units.scalars[k].value) }
        chars.append(0x3E)
        for a in 0..<chars.count {
            var h: UInt64 = 0x5151_7A7A
            for b in a..<min(chars.count, a + options.subwordOrder) {
                h = FeatureHash.combine(h, UInt64(chars[b]), salt: 99)
                if b - a + 1 >= 3 && !(a == 0 && b == chars.count - 1) { body(h, i, 0) }
            }
        }
    }

    /// All feature keys of `text`.
    public func keys(_ units: TextUnits) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(units.count * 3)
        forEach(units) { k, _, _ in out.append(k) }
        return out
    }
}
