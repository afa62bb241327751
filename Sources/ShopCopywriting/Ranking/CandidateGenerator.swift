import ShopNeural
import ShopCore

/// Builds candidate blurbs from a template: one realisation per part (template ×
/// alternatives × ordering of the movable parts). When the combinations are too many, a
/// seeded sample is taken so results reproduce.
public struct CandidateGenerator: Sendable {
    public var maxCandidates: Int
    public var maxRealisationsPerLine: Int
    /// When a line written for one of the product's values (`{?key=value}`) states as many new
    /// facts as the generic lines, use only such lines: the benefit of that very value
    /// (荷叶边 → 甜美、灵动) rather than wording that fits any value.
    public var preferSpecific: Bool

    public init(maxCandidates: Int = 24, maxRealisationsPerLine: Int = 16, preferSpecific: Bool = false) {
        self.maxCandidates = maxCandidates
        self.maxRealisationsPerLine = maxRealisationsPerLine
        self.preferSpecific = preferSpecific
    }

    /// Candidates for one template. Parts are planned greedily for coverage: a part is
    /// used when one of its sentences states an important fact not stated yet (or when it
    /// states no fact at all: openings and closings), and only its sentences that add the
    /// most new facts are kept. Candidates then vary the wording (alternatives) and the
    /// order of movable parts, so every candidate covers as much as the template can and
    /// the ranker chooses among them for fluency.
    public func candidates(for template: Template, context: SlotContext, tone: Tone?, checker: ComplianceChecker?,
                           claims: ClaimsTable? = nil, important: Set<ProductAttribute> = [], rng: inout SplitMix64) -> [Candidate] {
        table(for: template, context: context, tone: tone, checker: checker, claims: claims, important: important,
              rng: &rng)?.candidates() ?? []
    }

    /// `candidates(for:…)` not yet written out (nil: none), for the ranker to write out only
    /// the ones it keeps.
    func table(for template: Template, context: SlotContext, tone: Tone?, checker: ComplianceChecker?,
               claims: ClaimsTable? = nil, important: Set<ProductAttribute> = [], rng: inout SplitMix64) -> CandidateTable? {
        guard let parts = plan(template, context: context, tone: tone, checker: checker, claims: claims,
                               important: important, rng: &rng) else { return nil }
        return table(parts, template: template, language: context.language, rng: &rng)
    }

    /// Candidates from planned parts: every combination of their kept sentences and of the
    /// orders of the movable parts, or a seeded sample of `maxCandidates` when they are more.
    func table(_ parts: [PlannedPart], template: Template, language: Language, rng: inout SplitMix64) -> CandidateTable? {
        guard !parts.isEmpty else { return nil }
        let orders = orderings(count: parts.indices.filter { parts[$0].part.movable }.count, rng: &rng)
        return CandidateTable(parts: parts, orders: orders, template: template.name, language: language,
                              maxCandidates: maxCandidates, rng: &rng)
    }

    /// `table(_:…)` building every candidate as it goes: the reference `CandidateTable` is
    /// tested against.
    func combineReference(_ parts: [PlannedPart], template: Template, language: Language, rng: inout SplitMix64) -> [Candidate] {
        guard !parts.isEmpty else { return [] }

        let movableSlots = parts.indices.filter { parts[$0].part.movable }
        let orders = orderings(count: movableSlots.count, rng: &rng)
        var total = orders.count
        for p in parts { total = min(total * p.options.count, 1 << 20) }

        var out: [Candidate] = []
        var seen = Set<UTF8Key>(minimumCapacity: min(total, maxCandidates * 4))
        // Each sentence's units, hashed when first used, once: a candidate's repetition is
        // read from its sentences' units in order (`TextStatistics.repetition(ofUnits:)`).
        var units = parts.map { [[UInt64]?](repeating: nil, count: $0.options.count) }
        func emit(_ picks: [Int], _ order: [Int]) {
            // Place parts: fixed ones stay, movable ones take the permuted positions.
            var sequence = Array(parts.indices)
            for (slot, target) in zip(movableSlots, order) { sequence[slot] = movableSlots[target] }
            var pieces: [String] = [], names: [String] = [], facts: [[ProductAttribute]] = []
            var toneMatches = 0
            for idx in sequence {
                let r = parts[idx].options[picks[idx]]
                pieces.append(r.text)
                names.append(parts[idx].part.name)
                facts.append(r.facts)
                if r.tone != nil { toneMatches += 1 }
            }
            let text = Self.join(pieces, language: language)
            guard seen.insert(UTF8Key(text)).inserted else { return }
            var textUnits: [UInt64] = []
            for idx in sequence {
                if units[idx][picks[idx]] == nil {
                    units[idx][picks[idx]] = TextStatistics.unitHashes(parts[idx].options[picks[idx]].text, language: language)
                }
                textUnits += units[idx][picks[idx]]!
            }
            out.append(Candidate(text: text, facts: facts.flatMap { $0 }, template: template.name, toneMatches: toneMatches,
                                 parts: names, pieces: pieces, partFacts: facts,
                                 repetition: TextStatistics.repetition(ofUnits: textUnits)))
        }

        Self.drawCombinations(optionCounts: parts.map(\.options.count), orders: orders, total: total,
                              maxCandidates: maxCandidates, rng: &rng) { picks, order in
            let before = out.count
            emit(picks, order)
            return out.count > before
        }
        return out
    }

    /// The combinations candidates are made of, in the order they are drawn: when there are
    /// at most `maxCandidates` (`total`), every pick of the parts' sentences (the last part
    /// varying fastest) in every order; else the first sentences in the first order, then
    /// seeded draws until `maxCandidates` are kept or 4 × `maxCandidates` draws were made.
    /// `emit` returns whether it kept the combination (a repeated text is not kept).
    static func drawCombinations(optionCounts: [Int], orders: [[Int]], total: Int, maxCandidates: Int,
                                 rng: inout SplitMix64, emit: ([Int], [Int]) -> Bool) {
        if total <= maxCandidates {
            var picks = Array(repeating: 0, count: optionCounts.count)
            outer: while true {
                for order in orders { _ = emit(picks, order) }
                var i = optionCounts.count - 1
                while i >= 0 {
                    picks[i] += 1
                    if picks[i] < optionCounts[i] { continue outer }
                    picks[i] = 0
                    i -= 1
                }
                break
            }
        } else {
            var kept = emit(Array(repeating: 0, count: optionCounts.count), orders[0]) ? 1 : 0
            var attempts = 0
            while kept < maxCandidates && attempts < maxCandidates * 4 {
                attempts += 1
                let picks = optionCounts.map { Int.random(in: 0..<$0, using: &rng) }
                if emit(picks, orders[Int.random(in: 0..<orders.count, using: &rng)]) { kept += 1 }
            }
        }
    }

    /// How many distinct facts of `facts` are important (or all, when `important` is empty)
    /// and not yet covered. A realisation names a handful of facts: comparing them in a
    /// loop is far cheaper than building sets for every sentence.
    static func newFacts(_ facts: [ProductAttribute], important: Set<ProductAttribute>, covered: Set<ProductAttribute>) -> Int {
        var n = 0
        for (j, f) in facts.enumerated() where !facts[..<j].contains(f) {
            if (important.isEmpty || important.contains(f)) && !covered.contains(f) { n += 1 }
        }
        return n
    }

    /// Joins part texts: Chinese sentences abut, English ones get a space.
    public static func join(_ pieces: [String], language: Language) -> String {
        let nonEmpty = pieces.filter { !$0.isEmpty }
        switch language {
        case .zh: return nonEmpty.joined()
        case .en: return nonEmpty.map { $0.trimmingCharactersInSet() }.joined(separator: " ")
        }
    }

    /// The identity order first, then all permutations for up to 3 movable parts, or a
    /// seeded sample of 6 beyond.
    func orderings(count: Int, rng: inout SplitMix64) -> [[Int]] {
        let identity = Array(0..<count)
        if count <= 1 { return [identity] }
        if count <= 3 {
            var all: [[Int]] = []
            func permute(_ prefix: [Int], _ rest: [Int]) {
                if rest.isEmpty { all.append(prefix); return }
                for (i, x) in rest.enumerated() { var r = rest; r.remove(at: i); permute(prefix + [x], r) }
            }
            permute([], identity)
            return all
        }
        var out = [identity]
        for _ in 0..<5 { out.append(identity.shuffled(using: &rng)) }
        return out
    }
}
