import ShopNeural
import ShopCore

/// Writes blurbs for products: picks the templates that apply, fills them only from the
/// record (and review highlights that pass the evidence test), drops anything the
/// compliance list bans, and ranks the candidates.
public struct ProductDescriber: Sendable {
    public var library: TemplateLibrary
    public var checker: ComplianceChecker
    public var ranker: Ranker
    public var options: DescriberOptions
    public var reviews: ReviewEvidence?

    public init(library: TemplateLibrary, checker: ComplianceChecker, ranker: Ranker = Ranker(),
                options: DescriberOptions = DescriberOptions(), reviews: ReviewEvidence? = nil) {
        self.library = library
        self.checker = checker
        self.ranker = ranker
        self.options = options
        self.reviews = reviews
    }

    public func describe(_ record: ProductRecord) -> ProductDescription {
        describe([record])[0]
    }

    /// Describes records in one batch: candidates and drafts for all, then the LM scores the
    /// pieces of all drafts of a language in one call (more rows per matrix product), then
    /// each ranking is finished in input order with the batch-level diversity penalty (so a
    /// result depends on the record and the records before it in its batch, never on threads).
    public func describe(_ records: [ProductRecord]) -> [ProductDescription] {
        var usage: [Language: PhraseUsage] = [:]
        return finish(prepare(records), usage: &usage)
    }

    /// Drafts of a batch with the LM's scores of their pieces: everything before the
    /// diversity penalty, which needs the records before them (`finish`).
    public func prepare(_ records: [ProductRecord]) -> [PreparedDescription] {
        let drafts = records.map(draft)
        var scores = [ArraySlice<(logProb: Double, tokens: Int)>](repeating: [], count: drafts.count)
        if let fluency = ranker.fluency {
            for language in Language.allCases {
                let members = drafts.indices.filter { drafts[$0].ranking.language == language && !drafts[$0].ranking.pieces.isEmpty }
                if members.isEmpty { continue }
                let all = fluency.logProbabilities(members.flatMap { drafts[$0].ranking.pieces }, language: language)
                var at = 0
                for i in members {
                    let n = drafts[i].ranking.pieces.count
                    scores[i] = all[at..<(at + n)]
                    at += n
                }
            }
        }
        return zip(drafts, scores).map { PreparedDescription(draft: $0, scores: $1) }
    }

    /// Finishes prepared drafts in input order, each language sharing `usage`, the record of
    /// the phrases written so far (pass the same one on to the next batch so the penalty
    /// spans a whole run, not one batch).
    public func finish(_ prepared: [PreparedDescription], usage: inout [Language: PhraseUsage]) -> [ProductDescription] {
        prepared.map { p in
            let d = p.draft
            var rng = SplitMix64(seed: options.seed ^ 0x5EED, key: d.record.id)
            let jitter = (0..<min(d.ranking.total, 64)).map { _ in Double(rng.below(1 << 20)) / Double(1 << 20) * ranker.weights.jitter }
            let blurbs = ranker.finish(d.ranking, fluency: p.scores, usage: &usage[d.ranking.language, default: PhraseUsage(saturation: ranker.weights.saturation, chineseGram: ranker.weights.chineseGram)], jitter: jitter)
            let listing = options.listing.map {
                ListingCopy.make(record: d.record, blurb: blurbs.first, language: d.ranking.language, preset: $0, checker: checker)
            }
            return ProductDescription(productID: d.record.id, language: d.ranking.language, blurbs: blurbs,
                                      evidence: d.evidence, highlights: d.highlights, candidateCount: d.candidateCount,
                                      warnings: d.record.warnings, listing: listing)
        }
    }

    /// Everything up to the language model for one record.
    private func draft(_ original: ProductRecord) -> Draft {
        let language = options.language ?? original.inferredLanguage
        let record = RecordNormaliser(cleaning: library.cleaning[language] ?? CleaningLexicon()).normalise(original, language: language)
        let evidence = reviews?.evidence(for: record.id) ?? []
        let highlights = (reviews?.highlights(for: record.id) ?? []).filter { AspectFit.fits($0.aspect, record) }
        var rng = SplitMix64(seed: options.seed, key: record.id)
        let generator = CandidateGenerator(maxCandidates: options.maxCandidates, maxRealisationsPerLine: options.maxRealisationsPerLine,
                                           preferSpecific: options.preferSpecific)
        // One fact cache for the record: the important facts and every template read it.
        let facts = SlotContext(record: record, language: language, highlights: highlights)
        let important = ImportantFacts.of(record, language: language, highlights: highlights, context: facts)
        var tables: [CandidateTable] = []
        for template in library.applicable(to: record, language: language) {
            let context = SlotContext(record: record, language: language, highlights: highlights,
                                      checker: checker, derivedSlots: template.derivedSlots, sharing: facts)
            if let t = generator.table(for: template, context: context, tone: options.tone, checker: checker,
                                       claims: library.claims[language], important: important, rng: &rng) {
                tables.append(t)
            }
        }
        let ranking = ranker.draft(tables, important: important, language: language,
                                   count: max(1, options.variants), maxChars: options.maxChars)
        return Draft(record: record, ranking: ranking, evidence: evidence, highlights: highlights,
                     candidateCount: tables.reduce(0) { $0 + $1.count })
    }

    struct Draft: Sendable {
        let record: ProductRecord
        let ranking: RankingDraft
        let evidence: [ReviewHighlight]
        let highlights: [ReviewHighlight]
        let candidateCount: Int
    }
}
