import Foundation
import ShopData
import ShopCore

/// Reads the template format described in `Corpora/templates/FORMAT.md`.
public enum TemplateParser {
    /// Parses a whole template file. Errors name the file and line.
    public static func parse(_ text: String, file: String) throws -> Template {
        var name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var language: Language? = nil
        var matches: [TemplateCondition] = []
        var fallback = false
        var derived: [DerivedSlot] = []
        var parts: [TemplatePart] = []

        for (lineNo, line) in DataFileLines.entries(text) {
            func fail(_ reason: String) -> DataError { DataError(file: file, line: lineNo, reason: reason) }

            if line.hasPrefix("@") {
                let (directive, rest) = splitFirstWord(String(line.dropFirst()))
                switch directive {
                case "name": name = rest
                case "lang":
                    guard let l = Language(rawValue: rest) else { throw fail("unknown language '\(rest)' (zh or en)") }
                    language = l
                case "match":
                    guard let c = TemplateCondition.parse(rest) else { throw fail("bad @match condition '\(rest)'") }
                    matches.append(c)
                case "fallback": fallback = true
                case "slot":
                    guard let eq = rest.firstIndex(of: "=") else { throw fail("@slot needs 'name = alternative | …'") }
                    let slotName = String(rest[..<eq]).trimmingCharactersInSet()
                    guard !slotName.isEmpty else { throw fail("@slot without a name") }
                    var scanner = NodeScanner(String(rest[rest.index(after: eq)...]))
                    let alts = try scanner.parseAlternatives(topLevel: true).map(trim)
                    if let e = scanner.error { throw fail(e) }
                    derived.append(DerivedSlot(name: slotName, alternatives: alts))
                default: throw fail("unknown directive '@\(directive)'")
                }
            } else if line.hasPrefix("==") {
                let words = line.dropFirst(2).split(separator: " ").map(String.init)
                guard let partName = words.first else { throw fail("part without a name ('== name [movable] [required]')") }
                var part = TemplatePart(name: partName)
                for flag in words.dropFirst() {
                    switch flag {
                    case "movable": part.movable = true
                    case "required": part.required = true
                    default: throw fail("unknown part flag '\(flag)' (movable, required)")
                    }
                }
                parts.append(part)
            } else if line.hasPrefix("-") {
                guard !parts.isEmpty else { throw fail("sentence before the first '== part'") }
                parts[parts.count - 1].lines.append(try parseLine(String(line.dropFirst()), file: file, line: lineNo))
            } else {
                throw fail("expected '@directive', '== part', '- sentence' or '# comment'")
            }
        }
        guard let language else { throw DataError(file: file, reason: "missing '@lang zh|en'") }
        guard !parts.isEmpty else { throw DataError(file: file, reason: "no parts ('== name')") }
        return Template(name: name, language: language, matches: matches, isFallback: fallback,
                        derivedSlots: derived, parts: parts, file: file)
    }

    /// Parses one sentence line (without its leading `-`): `(tone) {?cond} … text`.
    public static func parseLine(_ body: String, file: String = "", line: Int = 0) throws -> TemplateLine {
        var rest = Substring(body.trimmingCharactersInSet())
        var tone: Tone? = nil
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")"),
           let t = Tone(rawValue: String(rest[rest.index(after: rest.startIndex)..<close])) {
            tone = t
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        var conditions: [TemplateCondition] = []
        while rest.hasPrefix("{?"), let close = rest.firstIndex(of: "}") {
            let inside = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
            guard let c = TemplateCondition.parse(inside) else {
                throw DataError(file: file, line: line, reason: "bad condition '{?\(inside)}'")
            }
            conditions.append(c)
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        var scanner = NodeScanner(String(rest))
        let nodes = scanner.parseSequence(terminators: [])
        if let e = scanner.error { throw DataError(file: file, line: line, reason: e) }
        guard !nodes.isEmpty else { throw DataError(file: file, line: line, reason: "empty sentence") }
        return TemplateLine(tone: tone, conditions: conditions, nodes: nodes, line: line)
    }

    private static func splitFirstWord(_ s: String) -> (String, String) {
        guard let sp = s.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (s, "") }
        return (String(s[..<sp]), String(s[sp...]).trimmingCharactersInSet())
    }

    /// Drops the spaces around ` | ` in `@slot` alternatives.
    private static func trim(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var n = nodes
        if case .text(let t)? = n.first {
            let s = String(t.drop { $0 == " " })
            if s.isEmpty { n.removeFirst() } else { n[0] = .text(s) }
        }
        if case .text(let t)? = n.last {
            var s = Substring(t)
            while s.last == " " { s = s.dropLast() }
            if s.isEmpty { n.removeLast() } else { n[n.count - 1] = .text(String(s)) }
        }
        return n
    }
}

/// A small recursive-descent scanner over the inline syntax: `{slot|f}`, `[optional]`,
/// `<a|b>`, `\` escapes.
struct NodeScanner {
    private let chars: [Character]
    /// Each character's byte when it is a single ASCII code point, else 0: the syntax is all
    /// ASCII, and comparing `Character`s (through `String` comparison, Chinese text on its
    /// slow path) was most of parsing the templates at every start.
    private let codes: [UInt8]
    private var pos = 0
    private(set) var error: String?
    /// Open `[` and `<` around the current position: each level is a recursive call, so a
    /// line of thousands of `[` would overflow the stack; deeper than `maxDepth` is an error.
    private var depth = 0
    static let maxDepth = 32

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
                let parts = String(chars[(pos + 1)..<close]).split(separator: "|", omittingEmptySubsequences: false)
                    .map { String($0).trimmingCharactersInSet() }
                if parts[0].isEmpty || parts[0].hasPrefix("?") { error = "bad slot '{\(String(chars[(pos + 1)..<close]))}' (conditions go at the start of the line)" }
                let filters = Array(parts.dropFirst()).filter { !$0.isEmpty }
                if let bad = filters.first(where: { !SlotFilters.known.contains($0) && Int($0) == nil }) {
                    error = "unknown filter '|\(bad)' (known: \(SlotFilters.known.sorted().joined(separator: ", ")), or a number)"
                }
                nodes.append(.slot(SlotReference(key: parts[0], filters: filters)))
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
