import ShopCore

/// Orders candidates by coverage of important facts, repetition, tone and (when a
/// language model is loaded) fluency, then keeps the best N that differ from each other.
public struct Ranker: Sendable {
    public var weights: RankingWeights
    public var fluency: FluencyScorer?

    public init(weights: RankingWeights = RankingWeights(), fluency: FluencyScorer? = nil) {
        self.weights = weights
        self.fluency = fluency
    }

    public func best(_ candidates: [Candidate], important: Set<ProductAttribute>, language: Language,
                     count: Int, maxChars: Int?) -> [Blurb] {
        let d = draft(candidates, important: important, language: language, count: count, maxChars: maxChars)
        guard let fluency, !d.pieces.isEmpty else { return finish(d, fluency: []) }
        return finish(d, fluency: fluency.logProbabilities(d.pieces, language: language)[...])
    }

    /// Ranking up to the language model: candidates fitted to `maxChars`, scored on coverage,
    /// repetition and tone, sorted; the sentence pieces of the best `fluencyShortlist` are
    /// what the LM must score (none without a fluency scorer). Drafts of many products can
    /// have their pieces scored in one call, then each is `finish`ed.
    public func draft(_ candidates: [Candidate], important: Set<ProductAttribute>, language: Language,
                      count: Int, maxChars: Int?) -> RankingDraft {
        var keyed: [(blurb: Blurb, tie: UInt64)] = []
        keyed.reserveCapacity(candidates.count)
        for c0 in candidates {
            guard let c = fit(c0, maxChars: maxChars, language: language) else { continue }
            keyed.append((baseScore(c, important: important, language: language), FNV1a.hash64(c.text)))
        }
        // Equal scores are common (no repeated wording, same coverage). Ordering them by text
        // sent the alphabetically first wordings (一…, 上…) to the LM shortlist for every
        // product; a hash of the text orders them without favouring any wording.
        keyed.sort { a, b in
            if a.blurb.score != b.blurb.score { return a.blurb.score > b.blurb.score }
            if a.tie != b.tie { return a.tie < b.tie }
            return a.blurb.text < b.blurb.text
        }
        let scored = keyed.map(\.blurb)
        var shortlist = 0
        var pieces: [String] = []
        if fluency != nil, !scored.isEmpty {
            // Fluency from the sentence pieces of the best `fluencyShortlist` candidates.
            shortlist = min(scored.count, max(weights.fluencyShortlist, count))
            for i in 0..<shortlist { pieces += scored[i].pieces }
        }
        return RankingDraft(language: language, count: count, head: scored, total: scored.count, shortlist: shortlist, pieces: pieces, rest: nil)
    }

    /// `draft` of the candidates in `tables`, in order, writing out only the blurbs ranking
    /// reads: the LM shortlist, the diversity step's head and the pick (`RankingDraft.head`);
    /// the rest when a pick needs them (`RankingDraft.sorted`). The same draft as `draft` of
    /// `tables`' candidates written out (`CandidateTableTests`), which is what a length limit
    /// (shortening candidates) still takes.
    func draft(_ tables: [CandidateTable], important: Set<ProductAttribute>, language: Language,
               count: Int, maxChars: Int?) -> RankingDraft {
        if maxChars != nil {
            return draft(tables.flatMap { $0.candidates() }, important: important, language: language, count: count, maxChars: maxChars)
        }
        struct Entry { var score: Double; var tie: UInt64; var table: Int; var row: Int; var coverage: Double }
        var entries: [Entry] = []
        entries.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        var distinct: [Int] = []
        for (t, table) in tables.enumerated() {
            // Whether each fact is important, asked once per table rather than per candidate.
            let isImportant = table.facts.map { important.contains($0) }
            for row in 0..<table.count {
                let f = table.figures(row, distinct: &distinct)
                let (score, covered) = baseScore(distinctImportant: distinct.reduce(0) { $0 + (isImportant[$1] ? 1 : 0) },
                                                 important: important.count, duplicates: f.duplicates, mentions: f.mentions,
                                                 repetition: table.repetitions[row], toneMatches: f.toneMatches, scalars: f.scalars)
                entries.append(Entry(score: score, tie: table.hashes[row], table: t, row: row, coverage: covered))
            }
        }
        // `draft`'s order; texts are compared only when score and hash tie.
        entries.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.tie != b.tie { return a.tie < b.tie }
            return tables[a.table].text(a.row) < tables[b.table].text(b.row)
        }
        func blurb(_ e: Entry) -> Blurb { Self.blurb(e.table, e.row, score: e.score, coverage: e.coverage, tables: tables) }
        var shortlist = 0
        if fluency != nil, !entries.isEmpty { shortlist = min(entries.count, max(weights.fluencyShortlist, count)) }
        // `finish` reads the shortlist, the diversity step's top 16 and, for one blurb, the first.
        let head = entries.prefix(max(shortlist, 16, count)).map(blurb)
        var pieces: [String] = []
        for i in 0..<shortlist { pieces += head[i].pieces }
        let rest = Array(entries.dropFirst(head.count))
        var writeRest: (@Sendable () -> [Blurb])? = nil
        if !rest.isEmpty {
            writeRest = { rest.map { Self.blurb($0.table, $0.row, score: $0.score, coverage: $0.coverage, tables: tables) } }
        }
        return RankingDraft(language: language, count: count, head: head, total: entries.count, shortlist: shortlist,
                            pieces: pieces, rest: writeRest)
    }

    /// The best `count` distinct blurbs of a draft, given the LM's scores of its pieces (in order).
    public func finish(_ draft: RankingDraft, fluency lps: ArraySlice<(logProb: Double, tokens: Int)>) -> [Blurb] {
        var none = PhraseUsage()
        return finish(draft, fluency: lps, usage: &none, jitter: [])
    }

    /// As `finish`, with the batch's phrase usage: candidates reusing wording already
    /// written in the batch lose `weights.diversity` × their worn share, and the chosen
    /// blurbs' phrases are recorded. `jitter` (one small seeded number per candidate) breaks
    /// ties so the first product of every batch does not always get the same wording.
    public func finish(_ draft: RankingDraft, fluency lps: ArraySlice<(logProb: Double, tokens: Int)>,
                       usage: inout PhraseUsage, jitter: [Double]) -> [Blurb] {
        precondition(lps.count == draft.pieces.count, "one score per piece")
        var scored = draft.head
        let k = draft.shortlist
        if k > 0 {
            let w = draft.language == .zh ? (weights.chineseFluency ?? weights.fluency) : weights.fluency
            var at = lps.startIndex
            for i in 0..<k {
                var lp = 0.0, n = 0
                for _ in scored[i].pieces { lp += lps[at].logProb; n += lps[at].tokens; at += 1 }
                let mean = n == 0 ? 0 : lp / Double(n)
                scored[i].fluency = mean
                scored[i].score += w * mean
            }
            // Shortlisted ones carry the LM term; keep them ahead of unscored ones.
            let head = scored[0..<k].sorted { $0.score > $1.score || ($0.score == $1.score && $0.text < $1.text) }
            scored = Array(head) + scored[k...]
        }
        if weights.diversity > 0 {
            // Only within the shortlist (or the top 16 without an LM): the LM term is not
            // comparable beyond it, and unscored candidates, lacking its negative term, would
            // jump ahead of every scored one.
            let m = min(scored.count, k > 0 ? k : 16)
            for i in 0..<m {
                scored[i].score -= weights.diversity * usage.penalty(scored[i].text, language: draft.language)
                if i < jitter.count { scored[i].score += jitter[i] }
            }
            let head = scored[0..<m].sorted { $0.score > $1.score || ($0.score == $1.score && $0.text < $1.text) }
            scored = Array(head) + scored[m...]
        }
        // One blurb is the first of the head; more may need the candidates past it.
        if draft.count > 1, let rest = draft.rest { scored += rest() }
        let picked = pickDistinct(scored, count: draft.count, language: draft.language)
        for b in picked { usage.record(b.text, language: draft.language) }
        return picked
    }

    func baseScore(_ c: Candidate, important: Set<ProductAttribute>, language: Language) -> Blurb {
        // A blurb names a dozen facts or so: a list is cheaper than hashing them into a set.
        var duplicates = 0
        var unique: [ProductAttribute] = []
        for f in c.facts {
            if unique.contains(f) { duplicates += 1 } else { unique.append(f) }
        }
        let rep = c.repetition ?? TextStatistics.repetition(c.text, language: language)
        let (score, covered) = baseScore(distinctImportant: unique.reduce(0) { $0 + (important.contains($1) ? 1 : 0) },
                                         important: important.count, duplicates: duplicates, mentions: c.facts.count,
                                         repetition: rep, toneMatches: c.toneMatches, scalars: c.text.unicodeScalars.count)
        return Blurb(text: c.text, mentions: unique, template: c.template, score: score, coverage: covered, repetition: rep,
                     pieces: c.pieces)
    }

    /// Candidate `row` of `tables[table]` written out as `baseScore` would score it.
    static func blurb(_ table: Int, _ row: Int, score: Double, coverage: Double, tables: [CandidateTable]) -> Blurb {
        let t = tables[table]
        var ids: [Int] = []
        _ = t.figures(row, distinct: &ids)
        return Blurb(text: t.text(row), mentions: ids.map { t.facts[$0] }, template: t.template,
                     score: score, coverage: coverage, repetition: t.repetitions[row], pieces: t.pieces(row))
    }

    /// The base score from a candidate's figures (one formula for both ways of drafting):
    /// its distinct important facts out of `important`, mentions repeating a fact, all its
    /// mentions, its repetition, lines written for the tone, and code points.
    @inline(__always)
    func baseScore(distinctImportant: Int, important: Int, duplicates: Int, mentions: Int, repetition rep: Double,
                   toneMatches: Int, scalars: Int) -> (score: Double, coverage: Double) {
        let covered = important == 0 ? 0 : Double(distinctImportant) / Double(important)
        let dupShare = mentions == 0 ? 0 : Double(duplicates) / Double(mentions)
        var score = weights.coverage * covered - weights.repetition * (rep + dupShare) + weights.tone * Double(toneMatches)
        if weights.length > 0 {
            score += weights.length * min(1, Double(scalars) / Double(max(1, weights.targetLength)))
        }
        return (score, covered)
    }

    /// Drops the least informative parts (never the first) until the text fits.
    func fit(_ c: Candidate, maxChars: Int?, language: Language) -> Candidate? {
        guard let maxChars else { return c }
        var c = c
        while c.text.count > maxChars {
            guard c.pieces.count > 1 else { return nil }
            var drop = c.pieces.count - 1
            for i in stride(from: c.pieces.count - 1, through: 1, by: -1) where c.partFacts[i].count < c.partFacts[drop].count { drop = i }
            c.pieces.remove(at: drop)
            c.parts.remove(at: drop)
            c.partFacts.remove(at: drop)
            c.text = CandidateGenerator.join(c.pieces, language: language)
            c.facts = c.partFacts.flatMap { $0 }
            c.repetition = nil
        }
        return c
    }

    func pickDistinct(_ sorted: [Blurb], count: Int, language: Language) -> [Blurb] {
        var picked: [Blurb] = []
        var grams: [Set<String>] = []
        // Variants differ in plan: a new opening sentence and a new part order, as well as wording.
        for b in sorted where picked.count < count {
            if picked.contains(where: { $0.pieces.first == b.pieces.first || $0.pieces.count == b.pieces.count && $0.pieces.last == b.pieces.last }) { continue }
            // The first pick needs no comparison, and with one blurb asked for (the usual
            // case) no later one compares with it: its bigram set is built only when read.
            if picked.isEmpty && count == 1 { picked.append(b); break }
            let g = TextStatistics.bigrams(b.text, language: language)
            if grams.allSatisfy({ TextStatistics.jaccard($0, g) < weights.maxSimilarity }) {
                picked.append(b)
                grams.append(g)
            }
        }
        for b in sorted where picked.count < count && !picked.contains(where: { $0.text == b.text }) {
            let g = TextStatistics.bigrams(b.text, language: language)
            if grams.allSatisfy({ TextStatistics.jaccard($0, g) < weights.maxSimilarity }) { picked.append(b); grams.append(g) }
        }
        // Too few clearly different ones: fill with the next best that differ at all.
        if picked.count < count {
            for b in sorted where picked.count < count && !picked.contains(where: { $0.text == b.text }) { picked.append(b) }
        }
        return picked
    }
}
