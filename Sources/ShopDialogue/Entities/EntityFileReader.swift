import Foundation
import ShopCore
import ShopData

/// Reads a validated `entities.xml` into `EntityDefinition`s; a regex that ICU rejects
/// is reported with its file and line.
enum EntityFileReader {
    static func read(_ doc: XMLDocument) throws -> [EntityDefinition] {
        guard let root = doc.root else { throw XMLProblem(file: doc.file, line: 0, reason: "empty document") }
        var out: [EntityDefinition] = []
        for e in root.children("entity") {
            var def = EntityDefinition(name: e.attribute("name") ?? "")
            def.description = e.children("description").first?.text ?? ""
            for p in e.children("pattern") {
                var opts: NSRegularExpression.Options = []
                if ["true", "1"].contains(p.attribute("ignoreCase") ?? "false") { opts.insert(.caseInsensitive) }
                let regex: NSRegularExpression
                do { regex = try NSRegularExpression(pattern: p.text, options: opts) } catch {
                    throw XMLProblem(file: doc.file, line: p.line, reason: "entity '\(def.name)': invalid regular expression: \(p.text)")
                }
                let group = Int(p.attribute("group") ?? "0") ?? 0
                if group > regex.numberOfCaptureGroups {
                    throw XMLProblem(file: doc.file, line: p.line, reason: "entity '\(def.name)': group \(group) but the pattern has \(regex.numberOfCaptureGroups)")
                }
                def.patterns.append(.init(regex: regex, group: group, language: Language(rawValue: p.attribute("lang") ?? "any"),
                                          normalize: .init(rawValue: p.attribute("normalize") ?? "none") ?? .none))
            }
            for v in e.children("value") {
                let canonical = v.attribute("canonical") ?? ""
                for t in v.children("term") {
                    let text = t.text.lowercased()
                    def.terms.append(.init(text: text, canonical: canonical, language: Language(rawValue: t.attribute("lang") ?? "any"),
                                           isASCII: text.unicodeScalars.allSatisfy(\.isASCII)))
                }
            }
            def.samples = e.children("sample").map { .init(text: $0.text, value: $0.attribute("value"), line: $0.line) }
            out.append(def)
        }
        return out
    }
}
