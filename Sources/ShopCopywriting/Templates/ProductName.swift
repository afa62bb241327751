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
        // Cut points: where a separator starts.
        var cuts: [String.Index] = []
        for sep in separators {
            var from = title.startIndex
            // The standard library's search, not Foundation's (which bridges to NSString per call).
            while let r = title[from...].firstRange(of: sep) {
                // `1: 7 Scale` is a ratio, not a subtitle: cutting there names the product "… 1".
                let ratio = sep == ": " && r.lowerBound > title.startIndex && title[title.index(before: r.lowerBound)].isNumber
                    && r.upperBound < title.endIndex && title[r.upperBound].isNumber
                if !ratio { cuts.append(r.lowerBound) }
                from = r.upperBound
            }
        }
        cuts.sort()
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
}
