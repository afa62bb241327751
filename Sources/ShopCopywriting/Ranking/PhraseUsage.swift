import ShopCore

/// The phrases already written in a batch, for the batch-level diversity penalty: a
/// candidate that reuses wording other products of the batch already got scores lower, so
/// 1,000 blurbs do not all close with the same words. Units are character 4-grams in
/// Chinese and word bigrams in English; slot values (which differ between products) count
/// like any text, so the penalty falls on the fixed wording that repeats.
public struct PhraseUsage: Sendable {
    /// Phrase hash → uses. Hashing code points (FNV-1a) rather than `String` keys avoids
    /// Unicode normalisation on every Chinese 4-gram.
    private var counts: [UInt64: Int] = [:]
    /// Uses after which a phrase counts as fully worn.
    public var saturation: Int

    public init(saturation: Int = 2) {
        self.saturation = saturation
    }

    /// Hashes of the text's phrases; the opening pair (English) has its top bit set.
    static func grams(_ text: String, language: Language) -> Set<UInt64> {
        func fnv(_ values: some Sequence<UInt32>, seed: UInt64 = FNV1a.offset64) -> UInt64 {
            FNV1a.hash64(units: values, seed: seed) & ~(1 << 63)
        }
        var out = Set<UInt64>()
        switch language {
        case .zh:
            let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value)
            guard scalars.count >= 4 else { return [fnv(scalars)] }
            for i in 0...(scalars.count - 4) { out.insert(fnv(scalars[i..<(i + 4)])) }
        case .en:
            let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") })
                .map { fnv($0.unicodeScalars.map(\.value)) }
            guard words.count >= 2 else { return Set(words) }
            for i in 0..<(words.count - 1) { out.insert(fnv([UInt32(truncatingIfNeeded: words[i]), UInt32(truncatingIfNeeded: words[i] >> 32),
                                                             UInt32(truncatingIfNeeded: words[i + 1]), UInt32(truncatingIfNeeded: words[i + 1] >> 32)])) }
            // The opening pair weighs more: it is what readers of a listing page see repeated.
            out.insert(fnv([UInt32(truncatingIfNeeded: words[0]), UInt32(truncatingIfNeeded: words[1])], seed: 7) | (1 << 63))
        }
        return out
    }

    /// In [0, 1]: how worn the text's phrases are (0: none used yet).
    public func penalty(_ text: String, language: Language) -> Double {
        if counts.isEmpty { return 0 }
        let g = Self.grams(text, language: language)
        if g.isEmpty { return 0 }
        var worn = 0.0
        for x in g {
            if let c = counts[x] { worn += Double(min(c, saturation)) / Double(saturation) * (x >> 63 == 1 ? 4 : 1) }
        }
        return min(1, worn / Double(g.count))
    }

    public mutating func record(_ text: String, language: Language) {
        for x in Self.grams(text, language: language) { counts[x, default: 0] += 1 }
    }
}
