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
        /// What the term becomes when a blurb is scrubbed ("" : removed).
        var replacement: String
    }

    private var byFirst: [Unicode.Scalar: [Pattern]] = [:]
    /// One bit per BMP code point: can a listed term start with it? Most candidate
    /// sentences contain none, and then the text is returned without any allocation.
    private var firstBits = [UInt64](repeating: 0, count: 1024)
    /// `byFirst` for ASCII first scalars, by code: English text is mostly ASCII, and a hash
    /// lookup per character was most of the scan.
    private var byASCII = [[Pattern]](repeating: [], count: 128)
    public let list: ComplianceList

    public init(list: ComplianceList) {
        self.list = list
        for e in list.banned { add(e.term, rule: e.rule, allowed: false, replacement: e.replacement ?? "") }
        for a in list.allowed { add(a, rule: "", allowed: true, replacement: "") }
    }

    private mutating func add(_ term: String, rule: String, allowed: Bool, replacement: String) {
        let scalars = Array(term.unicodeScalars).map(Self.fold)
        guard let first = scalars.first else { return }
        // The same term from two lists (100% is in zh and en) is searched once.
        if byFirst[first]?.contains(where: { $0.scalars == scalars && $0.allowed == allowed }) == true { return }
        if first.value < 65536 { firstBits[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63) }
        let latin = scalars.contains { Self.isWordScalar($0) }
        let pattern = Pattern(scalars: scalars, term: term, rule: rule, wordBounded: latin, allowed: allowed, replacement: replacement)
        byFirst[first, default: []].append(pattern)
        if first.value < 128 { byASCII[Int(first.value)].append(pattern) }
    }

    /// Full-width forms read as ASCII (１００％ is 100%, ＮＯ．１ is no.1), ASCII case folded,
    /// the ideographic space as a space; other scalars unchanged. One scalar in, one out, so
    /// columns stay those of the original text.
    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 32 }
        if v >= 65 && v <= 90 { v += 32 }
        return v == s.value ? s : Unicode.Scalar(v)!
    }

    /// An ASCII letter or digit (by range: the Unicode property lookup was a twentieth of
    /// English `describe`).
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v | 32 >= 97 && v | 32 <= 122) || (v >= 48 && v <= 57)
    }

    /// All banned terms in `text`, left to right; hits inside an allowed phrase are skipped.
    public func hits(in text: String, line: Int = 0) -> [ComplianceHit] {
        spans(in: text, exempt: []).map { s in
            ComplianceHit(term: s.pattern.term, matched: s.matched, line: line, column: s.start + 1, rule: s.pattern.rule)
        }
    }

    /// Banned terms outside the exempt phrases (brand and product names: "Mama Knows Best"
    /// is a name, not a claim).
    public func hits(in text: String, exempt: [String]) -> [ComplianceHit] {
        spans(in: text, exempt: exempt).map { s in
            ComplianceHit(term: s.pattern.term, matched: s.matched, column: s.start + 1, rule: s.pattern.rule)
        }
    }

    /// The text with every banned term outside the exempt phrases removed or replaced by
    /// its listed replacement, within its sentence: `100%新疆长绒棉` → `新疆长绒棉`,
    /// `unmatched durability` → `durability`. Spacing and punctuation left dangling are tidied.
    public func scrub(_ text: String, exempt: [String] = []) -> String {
        guard mightMatch(text) else { return text }
        let found = spans(in: text, exempt: exempt)
        if found.isEmpty { return text }
        let original = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var at = 0
        for s in found {
            out.append(contentsOf: original[at..<s.start])
            out.append(contentsOf: s.pattern.replacement.unicodeScalars)
            at = s.start + s.pattern.scalars.count
        }
        out.append(contentsOf: original[at...])
        var tidied = Self.tidy(String(out))
        // A sentence that lost its first word starts with a capital again.
        if found[0].start == 0, let f = tidied.first, f.isASCII, f.isLowercase { tidied = f.uppercased() + tidied.dropFirst() }
        return tidied
    }

    /// Double spaces, a space before punctuation, doubled or leading punctuation.
    static func tidy(_ text: String) -> String {
        var out: [Character] = []
        for ch in text {
            if ch == " ", out.last == " " || out.isEmpty { continue }
            // Quotes emptied by a cut term (`'most asked for'` → `''`) go with it.
            if "'\"‘’“”".contains(ch), let l = out.last, "'\"‘“".contains(l), out.count < 2 || out[out.count - 2] == " " || out.count == 1 {
                out.removeLast()
                continue
            }
            if ",.;:!?，。；：！？、".contains(ch) {
                while out.last == " " { out.removeLast() }
                if let l = out.last, "，、,".contains(l), "，。；！？、,.;!?".contains(ch) { out.removeLast() }
                if out.isEmpty || (out.last.map { "，。；：！？、".contains($0) } ?? false) && "，、,".contains(ch) { continue }
            }
            out.append(ch)
        }
        while out.last == " " { out.removeLast() }
        var s = String(out)
        if let f = s.first, f.isLowercase, s.unicodeScalars.first?.isASCII == true, text.first?.isUppercase == true {
            s = f.uppercased() + s.dropFirst()
        }
        return s
    }

    struct Span {
        var start: Int
        var pattern: Pattern
        var matched: String
    }

    private func spans(in text: String, exempt: [String]) -> [Span] {
        let original = Array(text.unicodeScalars)
        let scalars = original.map(Self.fold)
        var allowedCover: [Bool]? = nil
        var found: [(Int, Pattern)] = []
        for i in 0..<scalars.count {
            let v = scalars[i].value
            let candidates: [Pattern]
            if v < 128 {
                candidates = byASCII[Int(v)]
            } else if v < 65536 && firstBits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 {
                continue
            } else {
                guard let c = byFirst[scalars[i]] else { continue }
                candidates = c
            }
            for p in candidates where matches(p, scalars, at: i) {
                if p.allowed {
                    if allowedCover == nil { allowedCover = Array(repeating: false, count: scalars.count) }
                    for j in i..<(i + p.scalars.count) { allowedCover![j] = true }
                } else {
                    found.append((i, p))
                }
            }
        }
        // Exempt phrases only matter for the terms found (most texts have none; folding every
        // name for every sentence was a twentieth of English `describe`).
        if found.isEmpty { return [] }
        for e in exempt where !e.isEmpty {
            let es = e.unicodeScalars.map(Self.fold)
            guard es.count <= scalars.count else { continue }
            var i = 0
            while i + es.count <= scalars.count {
                if scalars[i] == es[0], Array(scalars[i..<(i + es.count)]) == es {
                    if allowedCover == nil { allowedCover = Array(repeating: false, count: scalars.count) }
                    for j in i..<(i + es.count) { allowedCover![j] = true }
                    i += es.count
                } else { i += 1 }
            }
        }
        // Keep the longest term at a position and drop terms inside an earlier kept one
        // (最佳 rather than 最 and 最佳; 销量第一 rather than also 第一).
        found.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.scalars.count > $1.1.scalars.count) }
        var out: [Span] = []
        var coveredUntil = 0
        for (i, p) in found {
            if i < coveredUntil { continue }
            coveredUntil = i + p.scalars.count
            if let cover = allowedCover, cover[i..<(i + p.scalars.count)].allSatisfy({ $0 }) { continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: original[i..<(i + p.scalars.count)])
            out.append(Span(start: i, pattern: p, matched: String(s)))
        }
        return out
    }

    /// Whether the text is free of banned terms.
    public func isClean(_ text: String) -> Bool {
        !mightMatch(text) || spans(in: text, exempt: []).isEmpty
    }

    /// False when no code point of the text can start a listed term.
    @inline(__always) func mightMatch(_ text: String) -> Bool {
        for u in text.unicodeScalars {
            let v = Self.fold(u).value
            if v < 65536 {
                if firstBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 { return true }
            } else if byFirst[Self.fold(u)] != nil { return true }
        }
        return false
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
