import Foundation

/// Aspect terms and the aspect each names (`续航` → `电池`, `delivery` → `delivery`),
/// read from `term<TAB>aspect` lines (`#` comments; a line with one column is its own aspect).
public struct AspectLexicon: Sendable {
    /// term (normalised as `TextUnits` normalises) → aspect.
    public private(set) var terms: [String: String] = [:]
    /// Longest term in scalars, bounding the matcher's window.
    public private(set) var maxLength = 0

    public init(entries: [(term: String, aspect: String)] = []) {
        for e in entries { add(e.term, aspect: e.aspect) }
    }

    public mutating func add(_ term: String, aspect: String) {
        let key = AspectLexicon.key(term)
        guard !key.isEmpty else { return }
        terms[key] = aspect
        maxLength = max(maxLength, key.unicodeScalars.count)
    }

    /// The normalised lookup key of a term (lower case, full-width folded, single spaces).
    public static func key(_ term: String) -> String {
        var s = String.UnicodeScalarView()
        for c in term.unicodeScalars { s.append(TextUnits.normalise(c)) }
        return String(s).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func parse(_ text: String, file: String = "<lexicon>") throws -> AspectLexicon {
        var lex = AspectLexicon()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let term = cols.first, !term.isEmpty else {
                throw SentimentError.data(path: file, line: i + 1, reason: "expected term<TAB>aspect")
            }
            lex.add(term, aspect: cols.count > 1 && !cols[1].isEmpty ? cols[1] : term)
        }
        return lex
    }

    public static func load(_ path: String) throws -> AspectLexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SentimentError.data(path: path, line: nil, reason: "cannot read aspect lexicon")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }
}
