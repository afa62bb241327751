/// Finds banned terms in a single pass over the text's code points: terms are indexed by
/// their first code point, so checking costs about one dictionary probe per character.
public struct ComplianceChecker: Sendable {
    struct Pattern: Sendable {
        var scalars: [Unicode.Scalar]
        var term: String
        var rule: String
        /// Terms with Latin letters or digits match whole words only (`#1` not in `#10`).
        var wordBounded: Bool
        var allowed: Bool
    }

    private var byFirst: [Unicode.Scalar: [Pattern]] = [:]
    public let list: ComplianceList

    public init(list: ComplianceList) {
        self.list = list
        for e in list.banned { add(e.term, rule: e.rule, allowed: false) }
        for a in list.allowed { add(a, rule: "", allowed: true) }
    }

    private mutating func add(_ term: String, rule: String, allowed: Bool) {
        let scalars = Array(term.unicodeScalars).map(Self.fold)
        guard let first = scalars.first else { return }
        // The same term from two lists (100% is in zh and en) is searched once.
        if byFirst[first]?.contains(where: { $0.scalars == scalars && $0.allowed == allowed }) == true { return }
        let latin = term.unicodeScalars.contains { Self.isWordScalar($0) }
        byFirst[first, default: []].append(Pattern(scalars: scalars, term: term, rule: rule, wordBounded: latin, allowed: allowed))
    }

    /// ASCII case folding; other scalars unchanged.
    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
        return s
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || (s.value >= 48 && s.value <= 57))
    }

    /// All banned terms in `text`, left to right; hits inside an allowed phrase are skipped.
    public func hits(in text: String, line: Int = 0) -> [ComplianceHit] {
        let original = Array(text.unicodeScalars)
        let scalars = original.map(Self.fold)
        var allowedCover: [Bool]? = nil
        var found: [(Int, Pattern)] = []
        for i in 0..<scalars.count {
            guard let candidates = byFirst[scalars[i]] else { continue }
            for p in candidates where matches(p, scalars, at: i) {
                if p.allowed {
                    if allowedCover == nil { allowedCover = Array(repeating: false, count: scalars.count) }
                    for j in i..<(i + p.scalars.count) { allowedCover![j] = true }
                } else {
                    found.append((i, p))
                }
            }
        }
        // Keep the longest term at a position and drop terms inside an earlier kept one
        // (最佳 rather than 最 and 最佳; 销量第一 rather than also 第一).
        found.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.scalars.count > $1.1.scalars.count) }
        var out: [ComplianceHit] = []
        var coveredUntil = 0
        for (i, p) in found {
            if i < coveredUntil { continue }
            coveredUntil = i + p.scalars.count
            if let cover = allowedCover, cover[i..<(i + p.scalars.count)].allSatisfy({ $0 }) { continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: original[i..<(i + p.scalars.count)])
            out.append(ComplianceHit(term: p.term, matched: String(s), line: line, column: i + 1, rule: p.rule))
        }
        return out
    }

    /// Whether the text is free of banned terms.
    public func isClean(_ text: String) -> Bool {
        hits(in: text).isEmpty
    }

    private func matches(_ p: Pattern, _ s: [Unicode.Scalar], at i: Int) -> Bool {
        let n = p.scalars.count
        if i + n > s.count { return false }
        for k in 1..<max(n, 1) where s[i + k] != p.scalars[k] { return false }
        if p.wordBounded {
            if Self.isWordScalar(p.scalars[0]), i > 0, Self.isWordScalar(s[i - 1]) { return false }
            if Self.isWordScalar(p.scalars[n - 1]), i + n < s.count, Self.isWordScalar(s[i + n]) { return false }
        }
        return true
    }
}
