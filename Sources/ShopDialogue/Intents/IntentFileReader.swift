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
                    for name in ResponseTemplate.placeholders(in: text) where !def.requiredSlots.contains(where: { $0.name == name }) {
                        throw XMLProblem(file: doc.file, line: v.line,
                                         reason: "response of intent '\(def.name)' uses {\(name)}, which is not a required slot of the intent")
                    }
                    def.responses[l, default: []].append(text)
                }
            }
            def.followups = e.children("followup").compactMap { $0.attribute("intent") }
            out.append(def)
        }
        return out
    }
}
