import ShopCore

/// A review cut into the units that n-gram features are built from: one unit per Han
/// character (Chinese needs no segmenter for strong character n-grams), one per run of
/// letters/digits (English words), one per punctuation mark or emoji.
///
/// Normalisation is done here, not by the shared tokenizer, so a model's features never
/// change when the tokenizer does: lower case, full-width ASCII → ASCII, runs of one
/// punctuation mark capped at two.
public struct TextUnits: Sendable {
    /// The normalised text as scalars; units index into it.
    public let scalars: [Unicode.Scalar]
    /// Start offsets (into `scalars`) of each unit.
    public let starts: [Int32]
    /// End offsets (exclusive) of each unit.
    public let ends: [Int32]
    /// A stable 64-bit hash of each unit's text.
    public let hashes: [UInt64]
    /// Whether each unit is a Han character.
    public let isHan: [Bool]

    /// The text the units were cut from.
    public let source: String

    public var count: Int { hashes.count }

    /// The text of unit `i`.
    public func text(_ i: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[Int(starts[i])..<Int(ends[i])])
        return String(s)
    }

    /// The share of Han units among units that are letters (Han or words); 0 for empty text.
    public var hanShare: Double {
        var han = 0, words = 0
        for i in 0..<count {
            if isHan[i] { han += 1 } else if let first = scalars.indices.contains(Int(starts[i])) ? scalars[Int(starts[i])] : nil,
                                               first.properties.isAlphabetic { words += 1 }
        }
        return han + words == 0 ? 0 : Double(han) / Double(han + words)
    }

    public init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var starts: [Int32] = [], ends: [Int32] = [], hashes: [UInt64] = [], isHan: [Bool] = []
        var wordStart = -1
        var lastPunct: Unicode.Scalar? = nil
        var punctRun = 0

        func closeWord(_ at: Int) {
            guard wordStart >= 0 else { return }
            starts.append(Int32(wordStart)); ends.append(Int32(at))
            hashes.append(FeatureHash.scalars(scalars[wordStart..<at]))
            isHan.append(false)
            wordStart = -1
        }

        for raw in text.unicodeScalars {
            let c = TextUnits.normalise(raw)
            if Han.isIdeograph(c) {
                closeWord(scalars.count)
                lastPunct = nil
                starts.append(Int32(scalars.count)); ends.append(Int32(scalars.count + 1))
                scalars.append(c)
                hashes.append(FeatureHash.scalars(scalars[(scalars.count - 1)...]))
                isHan.append(true)
            } else if c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39)
                        || (c == "'" && wordStart >= 0) {
                lastPunct = nil
                if wordStart < 0 { wordStart = scalars.count }
                scalars.append(c)
            } else if c.properties.isWhitespace || c.value < 0x20 || c.properties.generalCategory == .format
                        || c.properties.generalCategory == .nonspacingMark {
                closeWord(scalars.count)
                lastPunct = nil
            } else {
                closeWord(scalars.count)
                if c == lastPunct { punctRun += 1 } else { punctRun = 1; lastPunct = c }
                if punctRun > 2 { continue }
                starts.append(Int32(scalars.count)); ends.append(Int32(scalars.count + 1))
                scalars.append(c)
                hashes.append(FeatureHash.scalars(scalars[(scalars.count - 1)...]))
                isHan.append(false)
            }
        }
        closeWord(scalars.count)
        self.source = text
        self.scalars = scalars
        self.starts = starts
        self.ends = ends
        self.hashes = hashes
        self.isHan = isHan
    }

    /// Lower case and full-width ASCII folded to ASCII (ideographic space to space).
    @inline(__always)
    static func normalise(_ c: Unicode.Scalar) -> Unicode.Scalar {
        var v = c.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 0x20 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        else if v >= 0xC0 && v < 0x250, let s = Unicode.Scalar(v) {
            let lower = s.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first { v = l.value }
        }
        return Unicode.Scalar(v) ?? c
    }

}
