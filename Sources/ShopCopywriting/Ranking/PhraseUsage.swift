import ShopCore

/// The phrases already written in a batch, for the batch-level diversity penalty: a
/// candidate that reuses wording other products of the batch already got scores lower, so
/// 1,000 blurbs do not all close with the same words. Units are character n-grams in
/// Chinese (`chineseGram`, 4 unless set) and word bigrams in English; slot values (which differ between products) count
/// like any text, so the penalty falls on the fixed wording that repeats.
public struct PhraseUsage: Sendable {
    /// Phrase hash → uses. Hashing code points (FNV-1a) rather than `String` keys avoids
    /// Unicode normalisation on every Chinese 4-gram; the hashes key an `IntegerKeyTable`
    /// as they are (a `Set` and a dictionary hashed each again with SipHash, most of the
    /// penalty's time).
    private var counts = IntegerKeyTable(minimumCapacity: 1024)
    /// Uses after which a phrase counts as fully worn.
    public var saturation: Int
    /// Characters per Chinese unit: 2 counts exactly what distinct-2 measures (character
    /// pairs), 4 whole short phrases.
    public var chineseGram: Int

    public init(saturation: Int = 2, chineseGram: Int = 4) {
        self.saturation = saturation
        self.chineseGram = max(1, chineseGram)
    }

    /// Hashes of the text's phrases; the opening pair (English) has its top bit set.
    static func grams(_ text: String, language: Language, chineseGram n: Int = 4) -> Set<UInt64> {
        Set(distinctGrams(text, language: language, chineseGram: n))
    }

    /// `grams` as an array, each hash once, in first-seen order.
    static func distinctGrams(_ text: String, language: Language, chineseGram n: Int = 4) -> [UInt64] {
        var all = allGrams(text, language: language, chineseGram: n)
        let kept = SeenHashes.with(roomFor: all.count) { seen in
            var kept = 0
            for i in all.indices where seen.insert(all[i]) {
                all[kept] = all[i]
                kept += 1
            }
            return kept
        }
        all.removeLast(all.count - kept)
        return all
    }

    /// Every phrase hash of the text, repeats included.
    private static func allGrams(_ text: String, language: Language, chineseGram n: Int) -> [UInt64] {
        func fnv(_ values: some Sequence<UInt32>, seed: UInt64 = FNV1a.offset64) -> UInt64 {
            FNV1a.hash64(units: values, seed: seed) & ~(1 << 63)
        }
        var out: [UInt64] = []
        switch language {
        case .zh:
            // Runs on every shortlisted candidate of every product: White_Space is tested
            // from its fixed list (no property lookup) and each 4-gram is hashed in place.
            var scalars: [UInt32] = []
            scalars.reserveCapacity(text.utf8.count / 3 + 4)
            for u in text.unicodeScalars where !TextStatistics.isWhitespace(u.value) { scalars.append(u.value) }
            guard scalars.count >= n else { return [fnv(scalars)] }
            out.reserveCapacity(scalars.count - n + 1)
            if n != 4 {
                scalars.withUnsafeBufferPointer { p in
                    for i in 0...(p.count - n) {
                        var h = FNV1a.offset64
                        for j in i..<(i + n) { h = FNV1a.step(h, UInt64(p[j])) }
                        out.append(h & ~(1 << 63))
                    }
                }
                return out
            }
            scalars.withUnsafeBufferPointer { p in
                for i in 0...(p.count - 4) {
                    var h = FNV1a.offset64
                    h = FNV1a.step(h, UInt64(p[i])); h = FNV1a.step(h, UInt64(p[i + 1]))
                    h = FNV1a.step(h, UInt64(p[i + 2])); h = FNV1a.step(h, UInt64(p[i + 3]))
                    out.append(h & ~(1 << 63))
                }
            }
        case .en:
            let words = Self.asciiWordHashes(text)
                ?? text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") }).map { fnv($0.unicodeScalars.map(\.value)) }
            guard words.count >= 2 else { return words }
            out.reserveCapacity(words.count)
            for i in 0..<(words.count - 1) { out.append(fnv([UInt32(truncatingIfNeeded: words[i]), UInt32(truncatingIfNeeded: words[i] >> 32),
                                                             UInt32(truncatingIfNeeded: words[i + 1]), UInt32(truncatingIfNeeded: words[i + 1] >> 32)])) }
            // The opening pair weighs more: it is what readers of a listing page see repeated.
            out.append(fnv([UInt32(truncatingIfNeeded: words[0]), UInt32(truncatingIfNeeded: words[1])], seed: 7) | (1 << 63))
        }
        return out
    }

    /// Non-ASCII code points catalogue text is full of that are neither letters nor change
    /// case, and never join a neighbour into one character (no marks, joiners or selectors):
    /// word separators, as `Character.isLetter` has them.
    static let separatorSymbols: Set<UInt32> = [0x00A0, 0x00A9, 0x00AE, 0x00B0, 0x00B7, 0x00BD, 0x00D7, 0x2013, 0x2014,
                                                0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2032, 0x2033, 0x2122]

    /// The word hashes of the `.en` case for a text of ASCII and `separatorSymbols` (nil when
    /// it has any other code point). In ASCII the letters are A–Z and a–z, so this splits and
    /// folds exactly as `lowercased()` and `Character.isLetter` do, without their table lookups.
    static func asciiWordHashes(_ text: String) -> [UInt64]? {
        var out: [UInt64] = []
        var h = FNV1a.offset64, inWord = false
        for u in text.unicodeScalars {
            if u.value >= 0x80 {
                guard separatorSymbols.contains(u.value) else { return nil }
                if inWord {
                    out.append(h & ~(1 << 63))
                    h = FNV1a.offset64
                    inWord = false
                }
                continue
            }
            var v = UInt8(u.value)
            let upper = v >= 65 && v <= 90
            if upper { v += 32 }
            if upper || (v >= 97 && v <= 122) || v == 39 {
                h = FNV1a.step(h, UInt64(v))
                inWord = true
            } else if inWord {
                out.append(h & ~(1 << 63))
                h = FNV1a.offset64
                inWord = false
            }
        }
        if inWord { out.append(h & ~(1 << 63)) }
        return out
    }

    /// In [0, 1]: how worn the text's phrases are (0: none used yet).
    public func penalty(_ text: String, language: Language) -> Double {
        if counts.count == 0 { return 0 }
        let g = Self.distinctGrams(text, language: language, chineseGram: chineseGram)
        if g.isEmpty { return 0 }
        // Every term is a multiple of 1/saturation, so the sum is exact in any order.
        var worn = 0.0
        for x in g {
            if let c = counts[x] { worn += Double(min(Int(c), saturation)) / Double(saturation) * (x >> 63 == 1 ? 4 : 1) }
        }
        return min(1, worn / Double(g.count))
    }

    public mutating func record(_ text: String, language: Language) {
        for x in Self.distinctGrams(text, language: language, chineseGram: chineseGram) { counts.set(x, (counts[x] ?? 0) + 1) }
    }
}
