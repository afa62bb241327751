import ShopCore

/// Expands template nodes into texts for one product: slots are filled from the context,
/// optional groups drop out when a slot inside is missing, alternatives multiply.
public enum TemplateRealiser {
    /// Realisations of a node sequence (at most `limit`), or none when a required slot
    /// cannot be filled.
    ///
    /// When the alternatives multiply past `limit`: with `variation` nil, the first `limit`
    /// combinations in order (what a derived slot's "first that can be filled" needs); with a
    /// `variation` seed, `limit` distinct combinations drawn uniformly. Taking the first ones
    /// meant a line `<a|b|…>，<c|d|…>` only ever said its first `a`, so most of a template's
    /// wording was never written (issue 19: variety).
    public static func expand(_ nodes: [TemplateNode], in context: SlotContext, limit: Int = 32,
                              variation: UInt64? = nil) -> [Realisation] {
        LazyExpansion.build(nodes, in: context, limit: limit, variation: variation)?.all() ?? []
    }

    /// The first realisation of `expand` alone (a derived slot's "first that can be filled").
    static func first(_ nodes: [TemplateNode], in context: SlotContext, limit: Int, variation: UInt64? = nil) -> Realisation? {
        guard let e = LazyExpansion.build(nodes, in: context, limit: limit, variation: variation), e.count > 0 else { return nil }
        return e.realisation(0)
    }

    /// What `expand` returns, built eagerly: every alternative's text written out, then the
    /// combinations kept. The reference `LazyExpansion` is tested against.
    static func expandReference(_ nodes: [TemplateNode], in context: SlotContext, limit: Int = 32,
                                variation: UInt64? = nil) -> [Realisation] {
        var perNode: [[Realisation]] = []
        perNode.reserveCapacity(nodes.count)
        var total = 1
        for (i, node) in nodes.enumerated() {
            let inner = variation.map { SplitMix64.mix($0 &+ UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15) }
            let options: [Realisation]
            switch node {
            case .text(let t):
                options = [Realisation(text: t)]
            case .slot(let ref):
                guard let v = SlotFilters.apply(context.values(for: ref), filters: ref.filters, language: context.language) else { return [] }
                options = [Realisation(text: v.text, facts: v.facts)]
            case .optional(let group):
                let r = expandReference(group, in: context, limit: limit, variation: inner)
                options = r.isEmpty ? [Realisation(text: "")] : r
            case .choice(let alts):
                var all: [Realisation] = []
                for (j, alt) in alts.enumerated() {
                    all += expandReference(alt, in: context, limit: limit, variation: inner.map { SplitMix64.mix($0 ^ UInt64(j)) })
                }
                if all.isEmpty { return [] }
                options = all
            }
            perNode.append(options)
            // Capped: only "more than limit" matters.
            total = total > limit ? total : total * options.count
        }
        guard let variation, total > limit else { return inOrder(perNode, limit: limit) }
        return sampled(perNode, limit: limit, seed: variation)
    }

    /// The first `limit` combinations, the first node varying slowest.
    static func inOrder(_ perNode: [[Realisation]], limit: Int) -> [Realisation] {
        var partial = [Realisation(text: "")]
        for options in perNode {
            var next: [Realisation] = []
            next.reserveCapacity(min(limit, partial.count * options.count))
            outer: for p in partial {
                for o in options {
                    next.append(join(p, o))
                    if next.count >= limit { break outer }
                }
            }
            partial = next
        }
        return partial
    }

    /// `limit` distinct combinations, each node's option drawn uniformly (seeded, so a
    /// product's candidates reproduce).
    static func sampled(_ perNode: [[Realisation]], limit: Int, seed: UInt64) -> [Realisation] {
        var rng = SplitMix64(seed: seed)
        var seen = Set<[Int]>()
        var out: [Realisation] = []
        out.reserveCapacity(limit)
        var picks = [Int](repeating: 0, count: perNode.count)
        var attempts = 0
        while out.count < limit && attempts < limit * 8 {
            attempts += 1
            for i in perNode.indices { picks[i] = perNode[i].count == 1 ? 0 : rng.below(perNode[i].count) }
            guard seen.insert(picks).inserted else { continue }
            var r = Realisation(text: "")
            for i in perNode.indices { r = join(r, perNode[i][picks[i]]) }
            out.append(r)
        }
        return out
    }

    @inline(__always)
    static func join(_ p: Realisation, _ o: Realisation) -> Realisation {
        Realisation(text: p.text + o.text, facts: o.facts.isEmpty ? p.facts : p.facts + o.facts)
    }

    /// The facts a line's conditions name, or nil when the line does not apply (another tone,
    /// a condition that does not hold).
    static func conditionFacts(of line: TemplateLine, in context: SlotContext, tone: Tone?) -> [ProductAttribute]? {
        if let t = line.tone, t != (tone ?? .plain) { return nil }
        var facts: [ProductAttribute] = []
        for c in line.conditions {
            guard c.holds(in: context) else { return nil }
            facts += c.mentions(in: context)
        }
        return facts
    }

    /// Realisations of one template line, honouring its conditions and tone (`variation`:
    /// as in `expand`).
    public static func realise(_ line: TemplateLine, in context: SlotContext, tone: Tone?, limit: Int = 32,
                               variation: UInt64? = nil) -> [Realisation] {
        guard let conditionFacts = conditionFacts(of: line, in: context, tone: tone) else { return [] }
        guard let e = LazyExpansion.build(line.nodes, in: context, limit: limit, variation: variation) else { return [] }
        var out: [Realisation] = []
        out.reserveCapacity(e.count)
        for i in 0..<e.count {
            var text = "", facts = conditionFacts
            e.write(i, text: &text, facts: &facts)
            out.append(Realisation(text: text, facts: facts, tone: line.tone))
        }
        return out
    }

    /// `realise` through `expandReference` (for the equivalence test).
    static func realiseReference(_ line: TemplateLine, in context: SlotContext, tone: Tone?, limit: Int = 32,
                                 variation: UInt64? = nil) -> [Realisation] {
        guard let conditionFacts = conditionFacts(of: line, in: context, tone: tone) else { return [] }
        return expandReference(line.nodes, in: context, limit: limit, variation: variation).map {
            Realisation(text: $0.text, facts: conditionFacts + $0.facts, tone: line.tone)
        }
    }
}
