import Foundation

/// One `<sentence>` of a SemEval-2014 Task 4 file.
public struct SemEvalSentence: Sendable, Equatable {
    public var id: String
    /// The sentence exactly as in the file (not trimmed: aspect offsets index into it).
    public var text: String
    public var aspectTerms: [AspectTerm]
    public var aspectCategories: [AspectCategory]
    /// The line of the `<sentence>` start tag.
    public var line: Int

    public init(id: String, text: String, aspectTerms: [AspectTerm] = [], aspectCategories: [AspectCategory] = [], line: Int) {
        self.id = id
        self.text = text
        self.aspectTerms = aspectTerms
        self.aspectCategories = aspectCategories
        self.line = line
    }

    /// Whether `from`..<`to` (Unicode scalar offsets) hold exactly the term's words.
    /// (Not always: 9 terms of Laptop_Train_v2 are off, 2 of them by the sentence's leading spaces.)
    public func offsetsMatch(_ term: AspectTerm) -> Bool {
        guard let r = exactRange(term) else { return false }
        return text[r] == term.term
    }

    /// The span of `term` in `text`: its offsets when they hold the term, else the
    /// occurrence of the term nearest to `from`; nil when the term is not in the text.
    public func range(of term: AspectTerm) -> Range<String.Index>? {
        if let r = exactRange(term), text[r] == term.term { return r }
        var best: Range<String.Index>?
        var bestDistance = Int.max
        var searchFrom = text.startIndex
        while let r = text.range(of: term.term, range: searchFrom..<text.endIndex) {
            let at = text.unicodeScalars.distance(from: text.startIndex, to: r.lowerBound)
            if abs(at - term.from) < bestDistance { best = r; bestDistance = abs(at - term.from) }
            searchFrom = text.index(after: r.lowerBound)
        }
        return best
    }

    private func exactRange(_ term: AspectTerm) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        guard term.from >= 0, term.from <= term.to, term.to <= scalars.count else { return nil }
        let lo = scalars.index(scalars.startIndex, offsetBy: term.from)
        let hi = scalars.index(lo, offsetBy: term.to - term.from)
        return lo..<hi
    }
}
