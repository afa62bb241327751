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
        return RankingDraft(language: language, count: count, sorted: scored, shortlist: shortlist, pieces: pieces)
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
        var scored = draft.sorted
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
        let covered = important.isEmpty ? 0 : Double(unique.reduce(0) { $0 + (important.contains($1) ? 1 : 0) }) / Double(important.count)
        let rep = c.repetition ?? TextStatistics.repetition(c.text, language: language)
        let dupShare = c.facts.isEmpty ? 0 : Double(duplicates) / Double(c.facts.count)
        var score = weights.coverage * covered - weights.repetition * (rep + dupShare) + weights.tone * Double(c.toneMatches)
        if weights.length > 0 {
            score += weights.length * min(1, Double(c.text.unicodeScalars.count) / Double(max(1, weights.targetLength)))
        }
        return Blurb(text: c.text, mentions: unique, template: c.template, score: score, coverage: covered, repetition: rep,
                     pieces: c.pieces)
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
