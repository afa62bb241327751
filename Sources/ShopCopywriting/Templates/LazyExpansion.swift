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

        var count: Int {
            switch self {
            case .single: return 1
            case .group(let e): return e.count
            case .choice(_, let starts): return starts.last!
            }
        }

        /// Calls `body` with each fixed realisation option `i` is made of, in order.
        func visit(_ i: Int, _ body: (Realisation) -> Void) {
            switch self {
            case .single(let r):
                body(r)
            case .group(let e):
                e.visit(i, body)
            case .choice(let alts, let starts):
                // starts[k] = first index of alternative k; starts.last = total.
                var k = 0
                while starts[k + 1] <= i { k += 1 }
                alts[k].visit(i - starts[k], body)
            }
        }
    }

    let perNode: [Options]
    /// nil: the first `count` combinations in order (first node slowest); else the sampled picks.
    let picks: [[Int]]?
    let count: Int

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
                guard let v = SlotFilters.apply(context.values(for: ref.key), filters: ref.filters, language: context.language) else { return nil }
                options = .single(Realisation(text: v.text, facts: v.facts))
            case .optional(let group):
                if let e = build(group, in: context, limit: limit, variation: inner), e.count > 0 {
                    options = .group(e)
                } else {
                    options = .single(Realisation(text: ""))
                }
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
        return LazyExpansion(perNode: perNode, picks: picks, count: picks.count)
    }

    /// `TemplateRealiser.sampled`'s draws: the same generator calls, the same duplicate test.
    static func sample(_ counts: [Int], limit: Int, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed)
        var out: [[Int]] = []
        out.reserveCapacity(limit)
        // A combination as one number (mixed radix) when the counts' product fits: an
        // integer set instead of a set of arrays; the same test for "seen before".
        var radixFits = true
        var product: UInt64 = 1
        for c in counts {
            let (p, o) = product.multipliedReportingOverflow(by: UInt64(c))
            if o { radixFits = false; break }
            product = p
        }
        var seenKeys = Set<UInt64>(), seenArrays = Set<[Int]>()
        var picks = [Int](repeating: 0, count: counts.count)
        var attempts = 0
        while out.count < limit && attempts < limit * 8 {
            attempts += 1
            var key: UInt64 = 0
            for i in counts.indices {
                picks[i] = counts[i] == 1 ? 0 : rng.below(counts[i])
                if radixFits { key = key &* UInt64(counts[i]) &+ UInt64(picks[i]) }
            }
            if radixFits {
                guard seenKeys.insert(key).inserted else { continue }
            } else {
                guard seenArrays.insert(picks).inserted else { continue }
            }
            out.append(picks)
        }
        return out
    }

    /// Calls `body` with the fixed pieces of realisation `i` (0 ≤ i < count), in order.
    func visit(_ i: Int, _ body: (Realisation) -> Void) {
        if let picks {
            let p = picks[i]
            for k in perNode.indices { perNode[k].visit(p[k], body) }
            return
        }
        // Mixed radix, the last node varying fastest.
        var digits = [Int](repeating: 0, count: perNode.count)
        var rest = i
        for k in perNode.indices.reversed() {
            let c = perNode[k].count
            digits[k] = rest % c
            rest /= c
        }
        for k in perNode.indices { perNode[k].visit(digits[k], body) }
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

    /// The text of realisation `i` alone.
    func text(_ i: Int) -> String {
        var text = ""
        visit(i) { text += $0.text }
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
