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
