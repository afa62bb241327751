import ShopCore

/// The name a blurb calls a catalogue product by: the title's leading segments up to about
/// four words ("Pokemon TCG: Sun and Moon Crimson Invasion Elite Trainer Box", not "Pokemon
/// TCG"; "PLUS PLUS - Construction Building Toy"), at most twelve words, without a leading
/// "The" (templates say "the" themselves when they need it). Nothing is added.
public enum ProductName {
    static let separators = [", ", ": ", " - ", " – ", " | ", " (", " w/ "]

    public static func of(_ record: ProductRecord, minWords: Int = 4, maxWords: Int = 12) -> String {
        guard let title = record.title?.trimmingCharactersInSet(), !title.isEmpty else { return "" }
        return of(title, minWords: minWords, maxWords: maxWords)
    }

    public static func of(_ title: String, minWords: Int = 4, maxWords: Int = 12) -> String {
        let cuts = cutPoints(title)
        var name = title
        for c in cuts {
            let head = String(title[..<c])
            let words = head.split(separator: " ").filter { $0 != "The" }.count
            if words >= minWords || (words >= 2 && head.count >= 30) { name = head; break }
        }
        var words = name.split(separator: " ").map(String.init)
        if words.count > maxWords {
            words = Array(words.prefix(maxWords))
            // Do not end on a connective or an open bracket.
            while let l = words.last, ["and", "with", "for", "of", "the", "&", "-", "a", "by", "in", "to"].contains(l.lowercased()) || l.hasSuffix(",") || l.hasPrefix("(") { words.removeLast() }
        }
        if words.count > 1, words[0] == "The" { words.removeFirst() }
        var out = words.joined(separator: " ")
        while let l = out.last, ",:;-(".contains(l) || l == " " { out.removeLast() }
        return out
    }

    /// Where a separator starts, in order. `1: 7 Scale` is a ratio, not a subtitle: cutting
    /// there would name the product "… 1". Titles in ASCII are searched byte by byte (in
    /// ASCII a character is a byte, but CR LF, and no separator holds CR or LF); others
    /// character by character (`cutPointsByCharacter`).
    static func cutPoints(_ title: String) -> [String.Index] {
        let utf8 = title.utf8
        guard !utf8.contains(where: { $0 >= 0x80 }) else { return cutPointsByCharacter(title) }
        let bytes = Array(utf8)
        var offsets: [Int] = []
        bytes.withUnsafeBufferPointer { hay in
            for sep in separatorBytes {
                sep.withUnsafeBufferPointer { needle in
                    var from = 0
                    while let at = ByteSearch.firstIndex(of: needle, in: hay, from: from) {
                        let end = at + needle.count
                        let ratio = sep == colonBytes && at > 0 && isDigit(hay[at - 1]) && end < hay.count && isDigit(hay[end])
                        if !ratio { offsets.append(at) }
                        from = end
                    }
                }
            }
        }
        offsets.sort()
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    static let separatorBytes = separators.map { Array($0.utf8) }
    static let colonBytes = Array(": ".utf8)

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// `cutPoints` by the standard library's character search (not Foundation's, which
    /// bridges to NSString per call).
    static func cutPointsByCharacter(_ title: String) -> [String.Index] {
        var cuts: [String.Index] = []
        for sep in separators {
            var from = title.startIndex
            while let r = title[from...].firstRange(of: sep) {
                let ratio = sep == ": " && r.lowerBound > title.startIndex && title[title.index(before: r.lowerBound)].isNumber
                    && r.upperBound < title.endIndex && title[r.upperBound].isNumber
                if !ratio { cuts.append(r.lowerBound) }
                from = r.upperBound
            }
        }
        cuts.sort()
        return cuts
    }
}
