import ShopCore

/// The realisations `TemplateRealiser.expandReference` would return for a node sequence,
/// held as a structure and written out only when asked for.
///
/// Why: a Chinese template line nests long `<…>` lists (24 openings, composed
/// verb × modifier × noun pools); expanding it built every alternative's string and facts
/// for every product, then kept a sample of 16 combinations. Which combinations are kept
/// depends only on how many options each node has (and the seed), so the counts are worked
/// out first and only the kept combinations are written. Same realisations, same order
/// (`LazyExpansionTests` compares the two on every shipped template line).
struct LazyExpansion {
    /// The options of one node: a fixed realisation, an optional group (its expansion, or
    /// the empty text when it has none), or a choice (its alternatives' expansions, concatenated).
    enum Options {
        case single(Realisation)
        case group(LazyExpansion)
        case choice([LazyExpansion], starts: [Int])
        /// A choice whose alternatives are plain words (`<a|b|c>`, the common case): built
        /// without an expansion per alternative.
        case words([[TemplateNode]])

        var count: Int {
            switch self {
            case .single: return 1
            case .group(let e): return e.count
            case .choice(_, let starts): return starts.last!
            case .words(let w): return w.count
            }
        }

        /// Appends option `i`'s text: `visit` writing text alone, with no `Realisation` made
        /// per piece (sentences are written for every kept realisation of every product).
        func appendText(_ i: Int, to text: inout String) {
            switch self {
            case .single(let r):
                text += r.text
            case .group(let e):
                e.appendText(i, to: &text)
            case .words(let alts):
                if case .text(let t)? = alts[i].first { text += t }
            case .choice(let alts, let starts):
                var k = 0
                while starts[k + 1] <= i { k += 1 }
                alts[k].appendText(i - starts[k], to: &text)
            }
        }

        /// Calls `body` with each fixed realisation option `i` is made of, in order.
        func visit(_ i: Int, _ body: (Realisation) -> Void) {
            switch self {
            case .single(let r):
                body(r)
            case .group(let e):
                e.visit(i, body)
            case .words(let alts):
                if case .text(let t)? = alts[i].first { body(Realisation(text: t)) } else { body(Realisation(text: "")) }
            case .choice(let alts, let starts):
                // starts[k] = first index of alternative k; starts.last = total.
                var k = 0
                while starts[k + 1] <= i { k += 1 }
                alts[k].visit(i - starts[k], body)
            }
        }
    }

    let perNode: [Options]
    /// nil: the first `count` combinations in order (first node slowest); else the sampled
    /// picks, one row of `perNode.count` option indices per realisation, in one array.
    let picks: [Int]?
    /// For the in-order case: Π of the option counts after node k (saturated), so digit k of
    /// realisation i is i / strides[k] % count(k) without a scratch array per realisation.
    let strides: [Int]
    let count: Int

    init(perNode: [Options], picks: [Int]?, count: Int) {
        self.perNode = perNode
        self.picks = picks
        self.count = count
        // One realisation (the usual case for a nested alternative) needs no strides: every digit is 0.
        var strides = [Int](repeating: 1, count: picks == nil && count > 1 ? perNode.count : 0)
        if picks == nil && count > 1 {
            var product = 1
            for k in perNode.indices.reversed() {
                strides[k] = product
                let (p, overflow) = product.multipliedReportingOverflow(by: perNode[k].count)
                product = overflow ? Int.max : p
            }
        }
        self.strides = strides
    }

    /// nil when a required slot cannot be filled (`expandReference` returns no realisation).
    static func build(_ nodes: [TemplateNode], in context: SlotContext, limit: Int, variation: UInt64?) -> LazyExpansion? {
        var perNode: [Options] = []
        perNode.reserveCapacity(nodes.count)
        var total = 1
        for (i, node) in nodes.enumerated() {
            let inner = variation.map { SplitMix64.mix($0 &+ UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15) }
            let options: Options
            switch node {
            case .text(let t):
                options = .single(Realisation(text: t))
            case .slot(let ref):
                guard let v = SlotFilters.apply(context.values(for: ref), filters: ref.filters, language: context.language) else { return nil }
                options = .single(Realisation(text: v.text, facts: v.facts))
            case .optional(let group):
                if let e = build(group, in: context, limit: limit, variation: inner), e.count > 0 {
                    options = .group(e)
                } else {
                    options = .single(Realisation(text: ""))
                }
            case .choice(let alts) where alts.allSatisfy(Self.isWord):
                // Each such alternative expands to its one text whatever the seed.
                options = .words(alts)
            case .choice(let alts):
                var kept: [LazyExpansion] = [], starts = [0]
                for (j, alt) in alts.enumerated() {
                    guard let e = build(alt, in: context, limit: limit, variation: inner.map { SplitMix64.mix($0 ^ UInt64(j)) }),
                          e.count > 0 else { continue }
                    kept.append(e)
                    starts.append(starts.last! + e.count)
                }
                if kept.isEmpty { return nil }
                options = .choice(kept, starts: starts)
            }
            let n = options.count
            perNode.append(options)
            total = total > limit ? total : total * n
        }
        guard let variation, total > limit else {
            // `inOrder` stops at `limit` combinations but always writes at least one.
            var count = 1
            for o in perNode { count = count > limit ? count : count * o.count }
            return LazyExpansion(perNode: perNode, picks: nil, count: nodes.isEmpty ? 1 : min(max(limit, 1), count))
        }
        let picks = sample(perNode.map(\.count), limit: limit, seed: variation)
        return LazyExpansion(perNode: perNode, picks: picks, count: perNode.isEmpty ? 0 : picks.count / perNode.count)
    }

    /// `probe(nodes, in:)` for nodes without a slot, whose probe is the same for every
    /// context (nil inside: the probe is nil); nil when the nodes name a slot.
    static func fixedProbe(_ nodes: [TemplateNode]) -> Probe?? {
        guard !nodes.contains(where: names) else { return nil }
        // No slot is looked up: any context gives the same answer.
        return .some(probe(nodes, in: SlotContext(record: ProductRecord(id: ""), language: .zh)))
    }

    /// Whether the node is or holds a slot.
    static func names(_ node: TemplateNode) -> Bool {
        switch node {
        case .text: return false
        case .slot: return true
        case .optional(let group): return group.contains(where: names)
        case .choice(let alts): return alts.contains { $0.contains(where: names) }
        }
    }

    /// What `build`'s realisations state, found without building it.
    struct Probe: Equatable {
        /// Whether realisations can state different facts (a choice between alternatives of
        /// which one names a slot, say); false means all state `facts`.
        var factsVary = false
        /// Whether any realisation states a fact.
        var statesFacts = false
        /// The facts every realisation states, in order, when they cannot vary.
        var facts: [ProductAttribute] = []
        /// Whether `build` gives no realisation at all (a choice with no alternative).
        var empty = false
    }

    /// nil exactly when `build` is nil; else whether its realisations' facts can vary and,
    /// when they cannot, those facts.
    ///
    /// Why: planning needs a line's facts to decide whether its sentences are kept; most
    /// lines state the same facts in every wording, and building their alternatives and
    /// sampled combinations only to learn that was a tenth of Chinese `describe`.
    static func probe(_ nodes: [TemplateNode], in context: SlotContext) -> Probe? {
        var out = Probe()
        for node in nodes {
            switch node {
            case .text:
                continue
            case .slot(let ref):
                guard let v = SlotFilters.apply(context.values(for: ref), filters: ref.filters, language: context.language) else { return nil }
                if !v.facts.isEmpty { out.facts += v.facts; out.statesFacts = true }
            case .optional(let group):
                // An unfillable (or empty) group is written as "" (`build`'s `.single("")`).
                if let p = probe(group, in: context), !p.empty {
                    out.facts += p.facts
                    out.factsVary = out.factsVary || p.factsVary
                    out.statesFacts = out.statesFacts || p.statesFacts
                }
            case .choice(let alts) where alts.allSatisfy(Self.isWord):
                if alts.isEmpty { out.empty = true }
            case .choice(let alts):
                let kept = alts.compactMap { probe($0, in: context) }.filter { !$0.empty }
                if kept.isEmpty { return nil }
                let states = kept.contains { $0.statesFacts }
                out.factsVary = out.factsVary || (kept.count > 1 && states) || kept.contains { $0.factsVary }
                out.statesFacts = out.statesFacts || states
                out.facts += kept[0].facts
            }
        }
        return out
    }

    /// An alternative that is one literal text, or nothing.
    static func isWord(_ alt: [TemplateNode]) -> Bool {
        if alt.isEmpty { return true }
        if alt.count == 1, case .text = alt[0] { return true }
        return false
    }

    /// `TemplateRealiser.sampled`'s draws: the same generator calls, the same duplicate test.
    /// Rows of `counts.count` picks each, concatenated.
    static func sample(_ counts: [Int], limit: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var out: [Int] = []
        out.reserveCapacity(limit * counts.count)
        var rows = 0
        // A combination as one number (mixed radix) when the counts' product fits: an
        // integer set instead of a set of arrays; the same test for "seen before".
        var radixFits = true
        var product: UInt64 = 1
        for c in counts {
            let (p, o) = product.multipliedReportingOverflow(by: UInt64(c))
            if o { radixFits = false; break }
            product = p
        }
        // A few keys are searched faster in a list than hashed.
        var seenKeys = Set<UInt64>(), seenArrays = Set<[Int]>(), keyList: [UInt64] = []
        let listed = limit <= 64
        if listed { keyList.reserveCapacity(limit) }
        var picks = [Int](repeating: 0, count: counts.count)
        var attempts = 0
        while rows < limit && attempts < limit * 8 {
            attempts += 1
            var key: UInt64 = 0
            for i in counts.indices {
                picks[i] = counts[i] == 1 ? 0 : rng.below(counts[i])
                if radixFits { key = key &* UInt64(counts[i]) &+ UInt64(picks[i]) }
            }
            if radixFits && listed {
                if keyList.contains(key) { continue }
                keyList.append(key)
            } else if radixFits {
                guard seenKeys.insert(key).inserted else { continue }
            } else {
                guard seenArrays.insert(picks).inserted else { continue }
            }
            out.append(contentsOf: picks)
            rows += 1
        }
        return out
    }

    /// Calls `body` with the fixed pieces of realisation `i` (0 ≤ i < count), in order.
    func visit(_ i: Int, _ body: (Realisation) -> Void) {
        if let picks {
            let row = i * perNode.count
            for k in perNode.indices { perNode[k].visit(picks[row + k], body) }
            return
        }
        // Mixed radix, the last node varying fastest.
        if strides.isEmpty {
            for k in perNode.indices { perNode[k].visit(0, body) }
            return
        }
        for k in perNode.indices { perNode[k].visit(i / strides[k] % perNode[k].count, body) }
    }

    /// Appends realisation `i` (0 ≤ i < count).
    func write(_ i: Int, text: inout String, facts: inout [ProductAttribute]) {
        visit(i) { r in
            text += r.text
            if !r.facts.isEmpty { facts += r.facts }
        }
    }

    /// Appends the facts of realisation `i` alone: what planning needs before any text is written.
    func writeFacts(_ i: Int, to facts: inout [ProductAttribute]) {
        visit(i) { r in if !r.facts.isEmpty { facts += r.facts } }
    }

    /// Appends the text of realisation `i` (`visit`'s pieces' texts, in order).
    func appendText(_ i: Int, to text: inout String) {
        if let picks {
            let row = i * perNode.count
            for k in perNode.indices { perNode[k].appendText(picks[row + k], to: &text) }
        } else if strides.isEmpty {
            for k in perNode.indices { perNode[k].appendText(0, to: &text) }
        } else {
            for k in perNode.indices { perNode[k].appendText(i / strides[k] % perNode[k].count, to: &text) }
        }
    }

    /// The text of realisation `i` alone.
    func text(_ i: Int) -> String {
        var text = ""
        // Room for a typical sentence at once, rather than growing it piece by piece.
        text.reserveCapacity(96)
        appendText(i, to: &text)
        return text
    }

    /// Realisation `i` on its own.
    func realisation(_ i: Int) -> Realisation {
        var text = "", facts: [ProductAttribute] = []
        write(i, text: &text, facts: &facts)
        return Realisation(text: text, facts: facts)
    }

    /// Every realisation, in order.
    func all() -> [Realisation] {
        (0..<count).map(realisation)
    }
}
