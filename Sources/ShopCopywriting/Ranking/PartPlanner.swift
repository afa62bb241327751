import ShopCore

/// A template part chosen for a product and the sentences of it that candidates may use.
struct PlannedPart {
    let part: TemplatePart
    let options: [Realisation]
}

extension CandidateGenerator {
    /// The parts of `template` to use and their kept sentences, planned greedily for
    /// coverage (see `candidates`); nil when a required part has nothing to say.
    ///
    /// Why lazily: a part's lines give hundreds of realisations per product, and only those
    /// adding the most new facts are kept (about 40% of them on AdvertiseGen). A sentence's
    /// facts are known without writing it, so facts come first, and text, claims check and
    /// compliance scrub are done level by level, from the best gain down, until a level has
    /// a sentence that survives them. The same sentences, in the same order, as the
    /// eager `planReference` (`PartPlannerTests`).
    func plan(_ template: Template, context: SlotContext, tone: Tone?, checker: ComplianceChecker?,
              claims: ClaimsTable?, important: Set<ProductAttribute>, rng: inout SplitMix64) -> [PlannedPart]? {
        var parts: [PlannedPart] = []
        var covered = Set<ProductAttribute>()
        // Lines with more combinations than `maxRealisationsPerLine` are sampled per product
        // (seeded), so every alternative of a long `<…>` list gets written somewhere.
        let variation = rng.next()
        var lineNumber: UInt64 = 0
        for part in template.parts {
            var lines: [(line: TemplateLine, variation: UInt64, expansion: LazyExpansion?)] = []
            var pending: [Pending] = []
            for line in part.lines {
                lineNumber += 1
                let (isSpecific, lineVariation) = traits(of: line, number: lineNumber, variation: variation)
                guard let conditionFacts = TemplateRealiser.conditionFacts(of: line, in: context, tone: tone),
                      let probe = line.probe(in: context), !probe.empty
                else { continue }
                if !probe.factsVary {
                    // Every wording states the same facts: one entry for the line, built only
                    // if its level is reached.
                    pending.append(Pending(line: lines.count, index: nil, facts: conditionFacts + probe.facts,
                                           specific: isSpecific, toned: line.tone != nil))
                    lines.append((line, lineVariation, nil))
                    continue
                }
                guard let e = expansion(of: line, variation: lineVariation, in: context) else { continue }
                for i in 0..<e.count {
                    var facts = conditionFacts
                    e.writeFacts(i, to: &facts)
                    pending.append(Pending(line: lines.count, index: i, facts: facts, specific: isSpecific, toned: line.tone != nil))
                }
                lines.append((line, lineVariation, e))
            }
            // Per entry, once written: the sentences that pass the claims check and keep a word
            // after the compliance scrub.
            var written = [[Realisation]?](repeating: nil, count: pending.count)
            func survivors(_ members: [Int]) -> [Realisation] {
                var out: [Realisation] = []
                for k in members {
                    if written[k] == nil {
                        let p = pending[k], (line, lineVariation, built) = lines[p.line]
                        guard let e = built ?? expansion(of: line, variation: lineVariation, in: context) else { written[k] = []; continue }
                        let indices = p.index.map { $0..<($0 + 1) } ?? 0..<e.count
                        written[k] = indices.compactMap { i in
                            Self.checked(e.text(i), facts: p.facts, tone: line.tone, context: context, checker: checker, claims: claims)
                        }
                    }
                    out += written[k]!
                }
                return out
            }
            // The first group with a survivor, trying tone-written lines before the others
            // (the reference keeps only those when there are any).
            func firstToned(_ members: [Int]) -> [Realisation] {
                let toned = survivors(members.filter { pending[$0].toned })
                return toned.isEmpty ? survivors(members.filter { !pending[$0].toned }) : toned
            }
            let gains = pending.map { Self.newFacts($0.facts, important: important, covered: covered) }
            var kept: [Realisation] = []
            for level in Set(gains).sorted(by: >) where level > 0 {
                let members = pending.indices.filter { gains[$0] == level }
                kept = firstToned(members.filter { pending[$0].specific })
                if kept.isEmpty { kept = firstToned(members.filter { !pending[$0].specific }) }
                if !kept.isEmpty { break }
            }
            if kept.isEmpty {
                // Nothing new to say: keep the sentences that state no fact (openings,
                // closings); a part that could only repeat facts is left out.
                let zero = pending.indices.filter { gains[$0] == 0 }
                kept = firstToned(zero.filter { pending[$0].facts.isEmpty })
                if kept.isEmpty {
                    if !part.required { continue }
                    kept = firstToned(zero)
                    if kept.isEmpty { return nil }
                }
            }
            for f in kept[0].facts { covered.insert(f) }
            parts.append(PlannedPart(part: part, options: kept))
        }
        return parts
    }

    /// Whether the line is written for one of the product's values (`preferSpecific`), and
    /// its sampling seed: the template's draw mixed with the line's number.
    func traits(of line: TemplateLine, number: UInt64, variation: UInt64) -> (specific: Bool, variation: UInt64) {
        (preferSpecific && line.conditions.contains { $0.values != nil && !$0.negated },
         SplitMix64.mix(variation ^ (number &* 0xD6E8_FEB8_6659_FD93)))
    }

    /// The expansion `TemplateRealiser.realise` writes a line's sentences from (conditions
    /// checked apart).
    func expansion(of line: TemplateLine, variation: UInt64, in context: SlotContext) -> LazyExpansion? {
        LazyExpansion.build(line.nodes, in: context, limit: maxRealisationsPerLine, variation: variation)
    }

    /// Sentences not yet written: one realisation of a line (`index`) or, when the line's
    /// facts cannot vary, all of them (`index` nil); the facts they state.
    struct Pending {
        let line: Int
        let index: Int?
        let facts: [ProductAttribute]
        let specific: Bool
        let toned: Bool
    }

    /// The sentence as candidates use it, or nil when it states a claim the product's facts
    /// do not support, or the compliance scrub leaves no word of it. A banned word is cut
    /// from the sentence (names exempt), never the fact.
    static func checked(_ text: String, facts: [ProductAttribute], tone: Tone?, context: SlotContext,
                        checker: ComplianceChecker?, claims: ClaimsTable?) -> Realisation? {
        if let claims, !claims.supported(text, in: context) { return nil }
        var text = text
        if let checker {
            text = checker.scrub(text, exempt: context.exemptPhrases)
            if !TextStatistics.hasLetterOrNumber(text) { return nil }
        }
        return Realisation(text: text, facts: facts, tone: tone)
    }

    /// `plan` written eagerly: every realisation of every line written, checked and scrubbed,
    /// then the ones adding the most new facts kept. The reference `plan` is tested against.
    func planReference(_ template: Template, context: SlotContext, tone: Tone?, checker: ComplianceChecker?,
                       claims: ClaimsTable?, important: Set<ProductAttribute>, rng: inout SplitMix64) -> [PlannedPart]? {
        var parts: [PlannedPart] = []
        var covered = Set<ProductAttribute>()
        let variation = rng.next()
        var lineNumber: UInt64 = 0
        for part in template.parts {
            var options: [Realisation] = []
            var specific: [Bool] = []
            for line in part.lines {
                lineNumber += 1
                let (isSpecific, lineVariation) = traits(of: line, number: lineNumber, variation: variation)
                for r in TemplateRealiser.realise(line, in: context, tone: tone, limit: maxRealisationsPerLine,
                                                  variation: lineVariation) {
                    guard let w = Self.checked(r.text, facts: r.facts, tone: r.tone, context: context, checker: checker, claims: claims)
                    else { continue }
                    options.append(w)
                    specific.append(isSpecific)
                }
            }
            if options.isEmpty {
                if part.required { return nil }
                continue
            }
            let gains = options.map { r in Self.newFacts(r.facts, important: important, covered: covered) }
            let best = gains.max() ?? 0
            var kept: [Realisation]
            if best > 0 {
                var chosen = options.indices.filter { gains[$0] == best }
                if chosen.contains(where: { specific[$0] }) { chosen = chosen.filter { specific[$0] } }
                kept = chosen.map { options[$0] }
            } else {
                kept = options.filter { $0.facts.isEmpty }
                if kept.isEmpty {
                    if !part.required { continue }
                    kept = options
                }
            }
            if kept.contains(where: { $0.tone != nil }) { kept = kept.filter { $0.tone != nil } }
            for f in kept[0].facts { covered.insert(f) }
            parts.append(PlannedPart(part: part, options: kept))
        }
        return parts
    }
}
