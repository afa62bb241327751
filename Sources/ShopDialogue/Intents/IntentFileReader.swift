import ShopCore
import ShopData

/// Reads the intents of one validated intent file into `IntentDefinition`s, checking
/// what the schema cannot: every `{slot}` in a response names a required slot of the intent.
enum IntentFileReader {
    static func read(_ doc: XMLDocument) throws -> [IntentDefinition] {
        guard let root = doc.root else { throw XMLProblem(file: doc.file, line: 0, reason: "empty document") }
        var out: [IntentDefinition] = []
        for e in root.children("intent") {
            var def = IntentDefinition(
                name: e.attribute("name") ?? "",
                domain: e.attribute("domain") ?? "",
                handoff: IntentDefinition.Handoff(rawValue: e.attribute("handoff") ?? "never") ?? .never,
                file: doc.file, line: e.line)
            def.description = e.children("description").first?.text ?? ""
            def.acts = ["true", "1"].contains(e.attribute("acts") ?? "false")
            for t in e.children("title") {
                if let l = Language(rawValue: t.attribute("lang") ?? "") { def.titles[l] = t.text }
            }
            for s in e.children("slot") {
                var prompts: [Language: String] = [:]
                for p in s.children("prompt") {
                    if let l = Language(rawValue: p.attribute("lang") ?? "") { prompts[l] = p.text }
                }
                def.slots.append(SlotDefinition(name: s.attribute("name") ?? "", entity: s.attribute("entity") ?? "",
                                                required: ["true", "1"].contains(s.attribute("required") ?? "false"),
                                                prompts: prompts))
            }
            for x in e.children("examples") {
                guard let l = Language(rawValue: x.attribute("lang") ?? "") else { continue }
                def.examples[l, default: []] += x.children("example").map(\.text)
            }
            for r in e.children("response") {
                guard let l = Language(rawValue: r.attribute("lang") ?? "") else { continue }
                for v in r.children("variant") {
                    let text = v.text
                    let when = v.attribute("when")
                    if let when, !def.slots.contains(where: { $0.name == when }) {
                        throw XMLProblem(file: doc.file, line: v.line, reason: "variant of intent '\(def.name)': when=\"\(when)\" names no slot of the intent")
                    }
                    for name in ResponseTemplate.placeholders(in: text)
                    where !def.requiredSlots.contains(where: { $0.name == name }) && name != when {
                        throw XMLProblem(file: doc.file, line: v.line,
                                         reason: "response of intent '\(def.name)' uses {\(name)}, which is neither a required slot of the intent nor its when=\"…\" slot")
                    }
                    def.responses[l, default: []].append(text)
                    def.responseConditions[l, default: []].append(when)
                }
            }
            def.followups = e.children("followup").compactMap { $0.attribute("intent") }
            out.append(def)
        }
        return out
    }
}
