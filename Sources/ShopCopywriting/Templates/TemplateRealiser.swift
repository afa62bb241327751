/// Expands template nodes into texts for one product: slots are filled from the context,
/// optional groups drop out when a slot inside is missing, alternatives multiply.
public enum TemplateRealiser {
    /// All realisations of a node sequence (at most `limit`), or none when a required
    /// slot cannot be filled.
    public static func expand(_ nodes: [TemplateNode], in context: SlotContext, limit: Int = 32) -> [Realisation] {
        var partial = [Realisation(text: "")]
        for node in nodes {
            let options: [Realisation]
            switch node {
            case .text(let t):
                options = [Realisation(text: t)]
            case .slot(let ref):
                guard let v = SlotFilters.apply(context.values(for: ref.key), filters: ref.filters, language: context.language) else { return [] }
                options = [Realisation(text: v.text, facts: v.facts)]
            case .optional(let inner):
                let r = expand(inner, in: context, limit: limit)
                options = r.isEmpty ? [Realisation(text: "")] : r
            case .choice(let alts):
                var all: [Realisation] = []
                for alt in alts { all += expand(alt, in: context, limit: limit) }
                if all.isEmpty { return [] }
                options = all
            }
            var next: [Realisation] = []
            next.reserveCapacity(min(limit, partial.count * options.count))
            outer: for p in partial {
                for o in options {
                    next.append(Realisation(text: p.text + o.text, facts: o.facts.isEmpty ? p.facts : p.facts + o.facts))
                    if next.count >= limit { break outer }
                }
            }
            partial = next
        }
        return partial
    }

    /// Realisations of one template line, honouring its conditions and tone.
    public static func realise(_ line: TemplateLine, in context: SlotContext, tone: Tone?, limit: Int = 32) -> [Realisation] {
        if let t = line.tone, t != (tone ?? .plain) { return [] }
        var conditionFacts: [ProductAttribute] = []
        for c in line.conditions {
            guard c.holds(in: context) else { return [] }
            conditionFacts += c.mentions(in: context)
        }
        return expand(line.nodes, in: context, limit: limit).map {
            Realisation(text: $0.text, facts: conditionFacts + $0.facts, tone: line.tone)
        }
    }
}
