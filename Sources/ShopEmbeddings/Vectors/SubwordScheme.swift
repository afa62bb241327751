import ShopCore

/// Which subword units a word is made of, fastText style, and where they hash to.
///
/// Latin-script (and mixed) words: character n-grams of `<word>` with lengths
/// `minN...maxN`. Chinese words (all Han): their characters and character bigrams, since a
/// Chinese word's meaning is carried by its characters (快递员 shares 快递 and 员). Units are
/// hashed (FNV-1a, as fastText) into `buckets` rows, so no n-gram dictionary is kept.
public struct SubwordScheme: Sendable, Equatable {
    /// Shortest Latin n-gram, in characters; 0 with `maxN` 0 turns Latin n-grams off.
    public var minN: Int
    /// Longest Latin n-gram, in characters.
    public var maxN: Int
    /// Whether Chinese words are split into characters and character bigrams.
    public var hanUnits: Bool
    /// Number of hash buckets the units map into.
    public var buckets: Int

    public init(minN: Int = 3, maxN: Int = 6, hanUnits: Bool = true, buckets: Int = 200_000) {
        self.minN = minN
        self.maxN = maxN
        self.hanUnits = hanUnits
        self.buckets = buckets
    }

    /// No subwords at all: plain skip-gram.
    public static let none = SubwordScheme(minN: 0, maxN: 0, hanUnits: false, buckets: 0)

    /// Whether any unit is produced for any word.
    public var isEnabled: Bool { buckets > 0 && (maxN > 0 || hanUnits) }

    /// Parses the command-line form: `none`, or `MIN-MAX` such as `3-6`.
    public static func parse(_ text: String, buckets: Int = 200_000) throws -> SubwordScheme {
        if text == "none" { return .none }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), lo >= 1, hi >= lo, hi <= 12 else {
            throw EmbeddingError.badOption("--subwords expects 'none' or MIN-MAX with 1 <= MIN <= MAX <= 12, got '\(text)'")
        }
        guard buckets > 0 else { throw EmbeddingError.badOption("--buckets must be positive") }
        return SubwordScheme(minN: lo, maxN: hi, hanUnits: true, buckets: buckets)
    }

    /// The units of `word` as strings (for inspection and tests; training uses `bucketIDs`).
    public func units(of word: String) -> [String] {
        guard isEnabled else { return [] }
        let scalars = Array(word.unicodeScalars)
        if !scalars.isEmpty, scalars.allSatisfy(SubwordScheme.isHan) {
            guard hanUnits, scalars.count >= 2 else { return [] }
            var out = scalars.map { String($0) }
            if scalars.count >= 3 {
                for i in 0..<(scalars.count - 1) {
                    var s = String.UnicodeScalarView()
                    s.append(scalars[i]); s.append(scalars[i + 1])
                    out.append(String(s))
                }
            }
            return out
        }
        guard maxN > 0 else { return [] }
        let marked = ["<"] + scalars + [">"] as [Unicode.Scalar]
        var out: [String] = []
        for start in 0..<marked.count {
            for n in minN...maxN {
                let end = start + n
                if end > marked.count { break }
                if n == marked.count { continue } // the whole word is the word's own row
                var s = String.UnicodeScalarView()
                s.append(contentsOf: marked[start..<end])
                out.append(String(s))
            }
        }
        return out
    }

    /// Bucket numbers of `word`'s units, duplicates kept (a repeated n-gram counts twice, as in fastText).
    public func bucketIDs(of word: String) -> [Int] {
        guard isEnabled else { return [] }
        return units(of: word).map { Int(FNV1a.hash32($0) % UInt32(buckets)) }
    }

    /// CJK unified ideographs (main block, extension A, B–F, compatibility): the range the
    /// shipped vectors' subwords were built with.
    @inline(__always)
    static func isHan(_ s: Unicode.Scalar) -> Bool { Han.isIdeograph(s, supplementaryEnd: Han.extensionFEnd) }
}
