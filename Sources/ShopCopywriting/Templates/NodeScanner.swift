/// A small recursive-descent scanner over the inline syntax: `{slot|f}`, `[optional]`,
/// `<a|b>`, `\` escapes.
///
/// Why bytes: every start of `describe` parses the templates, and splitting their 340 kB
/// into `Character`s (grapheme breaking) was a third of it. The syntax is ASCII, and UTF-8
/// never has an ASCII byte inside another code point, so text is copied between syntax
/// bytes as it is. A syntax byte counts only when it is a `Character` of its own, as in
/// `CharacterNodeScanner` (the reference, `NodeScannerTests`): `{` followed by a combining
/// mark is text.
struct NodeScanner {
    private let bytes: [UInt8]
    private var pos = 0
    private(set) var error: String?
    /// Open `[` and `<` around the current position: each level is a recursive call, so a
    /// line of thousands of `[` would overflow the stack; deeper than `maxDepth` is an error.
    private var depth = 0
    static let maxDepth = 32

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// `\ { } [ ] < > |`: the bytes that may be syntax.
    @inline(__always)
    static func mayBeSyntax(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"): return true
        default: return false
        }
    }

    /// Whether the ASCII byte at `i` is a `Character` on its own: neither the scalar before
    /// it (a prepended mark) nor the one after it (a combining mark, a joiner) joins it.
    /// Grapheme breaks around a lone ASCII character that is not CR depend on the pair alone.
    private func standsAlone(_ i: Int) -> Bool {
        let ascii = Unicode.Scalar(bytes[i])
        if i + 1 < bytes.count, bytes[i + 1] >= 0x80 {
            let next = scalar(at: i + 1)
            if !Self.neverJoins(next) && Self.joined(ascii, next) { return false }
        }
        if i > 0, bytes[i - 1] >= 0x80 {
            var start = i - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let previous = scalar(at: start)
            if !Self.neverJoins(previous) && Self.joined(previous, ascii) { return false }
        }
        return true
    }

    /// The scalar whose UTF-8 starts at `i` (the bytes came from a `String`: valid UTF-8).
    private func scalar(at i: Int) -> Unicode.Scalar {
        let b0 = UInt32(bytes[i])
        func tail(_ k: Int) -> UInt32 { UInt32(bytes[i + k] & 0x3F) }
        let value: UInt32
        if b0 < 0x80 { value = b0 }
        else if b0 < 0xE0 { value = (b0 & 0x1F) << 6 | tail(1) }
        else if b0 < 0xF0 { value = (b0 & 0x0F) << 12 | tail(1) << 6 | tail(2) }
        else { value = (b0 & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Scalars that never join a neighbour into one grapheme: the copy tokeniser's simple
    /// set (ASCII, CJK ideographs and punctuation without the tone marks, full-width forms),
    /// what Chinese templates put next to syntax (`NodeScannerTests` checks every one of
    /// them against `String`).
    @inline(__always)
    static func neverJoins(_ s: Unicode.Scalar) -> Bool {
        CopyTokenizer.isSimpleChinese(s.value)
    }

    /// Whether `a` followed by `b` is one `Character`.
    static func joined(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        var s = ""
        s.unicodeScalars.append(a)
        s.unicodeScalars.append(b)
        return s.count == 1
    }

    /// The syntax byte at `pos`, or nil when `pos` is text.
    @inline(__always)
    private func syntax(at i: Int) -> UInt8? {
        let b = bytes[i]
        return Self.mayBeSyntax(b) && standsAlone(i) ? b : nil
    }

    /// The slot written `{inside}`, and what is wrong with it (the last problem found), if
    /// anything.
    static func slot(_ inside: String) -> (SlotReference, String?) {
        var problem: String? = nil
        let parts = inside.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingCharactersInSet() }
        if parts[0].isEmpty || parts[0].hasPrefix("?") { problem = "bad slot '{\(inside)}' (conditions go at the start of the line)" }
        let filters = Array(parts.dropFirst()).filter { !$0.isEmpty }
        if let bad = filters.first(where: { !SlotFilters.known.contains($0) && Int($0) == nil }) {
            problem = "unknown filter '|\(bad)' (known: \(SlotFilters.known.sorted().joined(separator: ", ")), or a number)"
        }
        return (SlotReference(key: parts[0], filters: filters), problem)
    }

    mutating func parseAlternatives(topLevel: Bool) -> [[TemplateNode]] {
        var alts: [[TemplateNode]] = []
        while true {
            alts.append(parseSequence(terminators: topLevel ? [UInt8(ascii: "|")] : [UInt8(ascii: "|"), UInt8(ascii: ">")]))
            if pos < bytes.count, syntax(at: pos) == UInt8(ascii: "|") { pos += 1; continue }
            break
        }
        return alts
    }

    /// Nodes up to the end or the first of `terminators` (ASCII bytes) outside brackets.
    mutating func parseSequence(terminators: [UInt8]) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var text = ""
        // Literal bytes from `run` to `pos` not yet added to `text`.
        var run = pos
        func addRun(_ end: Int) {
            if end > run { text += String(decoding: bytes[run..<end], as: UTF8.self) }
        }
        func flush() {
            addRun(pos)
            run = pos
            if !text.isEmpty { nodes.append(.text(text)); text = "" }
        }
        while pos < bytes.count {
            guard let code = syntax(at: pos) else { pos += 1; continue }
            if terminators.contains(code) { break }
            switch code {
            case UInt8(ascii: "\\"):
                addRun(pos)
                pos += 1
                run = pos
                // The escaped character is text; past its first byte the rest is too.
                if pos < bytes.count { pos += 1 }
            case UInt8(ascii: "{"):
                flush()
                var close = pos + 1
                while close < bytes.count && syntax(at: close) != UInt8(ascii: "}") { close += 1 }
                guard close < bytes.count else { error = "unclosed '{'"; pos = bytes.count; run = pos; break }
                let (slot, problem) = Self.slot(String(decoding: bytes[(pos + 1)..<close], as: UTF8.self))
                if let problem { error = problem }
                nodes.append(.slot(slot))
                pos = close + 1
                run = pos
            case UInt8(ascii: "[") where depth >= Self.maxDepth, UInt8(ascii: "<") where depth >= Self.maxDepth:
                addRun(pos)
                error = "'[' and '<' nested more than \(Self.maxDepth) deep"
                pos = bytes.count
                run = pos
            case UInt8(ascii: "["):
                flush()
                pos += 1
                depth += 1
                defer { depth -= 1 }
                let inner = parseSequence(terminators: [UInt8(ascii: "]")])
                if pos >= bytes.count { error = error ?? "unclosed '['" } else { pos += 1 }
                run = pos
                nodes.append(.optional(inner))
            case UInt8(ascii: "<"):
                flush()
                pos += 1
                depth += 1
                defer { depth -= 1 }
                let alts = parseAlternatives(topLevel: false)
                if pos >= bytes.count || syntax(at: pos) != UInt8(ascii: ">") { error = error ?? "unclosed '<'" } else { pos += 1 }
                run = pos
                nodes.append(.choice(alts))
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ">"):
                let c = Character(Unicode.Scalar(code))
                error = "unexpected '\(c)' (escape it as '\\\(c)')"
                pos += 1
            default:
                // `|` outside a choice or slot is text.
                pos += 1
            }
        }
        flush()
        return nodes
    }
}
