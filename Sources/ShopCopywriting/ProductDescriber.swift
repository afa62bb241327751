import ShopNeural

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
        let language = options.language ?? record.inferredLanguage
        let evidence = reviews?.evidence(for: record.id) ?? []
        let highlights = reviews?.highlights(for: record.id) ?? []
        var rng = SplitMix64(seed: options.seed, key: record.id)
        let generator = CandidateGenerator(maxCandidates: options.maxCandidates)
        let important = ImportantFacts.of(record, language: language, highlights: highlights)
        var candidates: [Candidate] = []
        for template in library.applicable(to: record, language: language) {
            let context = SlotContext(record: record, language: language, highlights: highlights,
                                      checker: checker, derivedSlots: template.derivedSlots)
            candidates += generator.candidates(for: template, context: context, tone: options.tone, checker: checker,
                                               important: important, rng: &rng)
        }
        let blurbs = ranker.best(candidates, important: important, language: language,
                                 count: max(1, options.variants), maxChars: options.maxChars)
        return ProductDescription(productID: record.id, language: language, blurbs: blurbs, evidence: evidence,
                                  highlights: highlights, candidateCount: candidates.count)
    }
}
