/// `NodeScanner` over `Character`s: the reference its byte scanning is tested against
/// (`NodeScannerTests`). A syntax character is one that is a whole `Character` on its own.
struct CharacterNodeScanner {
    private let chars: [Character]
    /// Each character's byte when it is a single ASCII code point, else 0.
    private let codes: [UInt8]
    private var pos = 0
    private(set) var error: String?
    private var depth = 0
    static let maxDepth = NodeScanner.maxDepth

    init(_ text: String) {
        chars = Array(text)
        codes = chars.map { c in
            let scalars = c.unicodeScalars
            guard let first = scalars.first, first.isASCII, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return 0 }
            return UInt8(first.value)
        }
    }

    mutating func parseAlternatives(topLevel: Bool) -> [[TemplateNode]] {
        var alts: [[TemplateNode]] = []
        while true {
            alts.append(parseSequence(terminators: topLevel ? [UInt8(ascii: "|")] : [UInt8(ascii: "|"), UInt8(ascii: ">")]))
            if pos < chars.count, codes[pos] == UInt8(ascii: "|") { pos += 1; continue }
            break
        }
        return alts
    }

    /// Nodes up to the end or the first of `terminators` (ASCII bytes) outside brackets.
    mutating func parseSequence(terminators: [UInt8]) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var text = ""
        func flush() { if !text.isEmpty { nodes.append(.text(text)); text = "" } }
        while pos < chars.count {
            let c = chars[pos], code = codes[pos]
            if code != 0 && terminators.contains(code) { break }
            switch code {
            case UInt8(ascii: "\\"):
                pos += 1
                if pos < chars.count { text.append(chars[pos]); pos += 1 }
            case UInt8(ascii: "{"):
                flush()
                guard let close = codes[pos...].firstIndex(of: UInt8(ascii: "}")) else { error = "unclosed '{'"; pos = chars.count; break }
                let (slot, problem) = NodeScanner.slot(String(chars[(pos + 1)..<close]))
                if let problem { error = problem }
                nodes.append(.slot(slot))
                pos = close + 1
            case UInt8(ascii: "[") where depth >= Self.maxDepth, UInt8(ascii: "<") where depth >= Self.maxDepth:
                error = "'[' and '<' nested more than \(Self.maxDepth) deep"
                pos = chars.count
            case UInt8(ascii: "["):
                flush()
                pos += 1
                depth += 1
                defer { depth -= 1 }
                let inner = parseSequence(terminators: [UInt8(ascii: "]")])
                if pos >= chars.count { error = error ?? "unclosed '['" } else { pos += 1 }
                nodes.append(.optional(inner))
            case UInt8(ascii: "<"):
                flush()
                pos += 1
                depth += 1
                defer { depth -= 1 }
                let alts = parseAlternatives(topLevel: false)
                if pos >= chars.count || codes[pos] != UInt8(ascii: ">") { error = error ?? "unclosed '<'" } else { pos += 1 }
                nodes.append(.choice(alts))
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ">"):
                error = "unexpected '\(c)' (escape it as '\\\(c)')"
                text.append(c)
                pos += 1
            default:
                text.append(c)
                pos += 1
            }
        }
        flush()
        return nodes
    }
}
