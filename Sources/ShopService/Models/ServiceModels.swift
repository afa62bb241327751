import Foundation
import ShopCopywriting
import ShopData
import ShopDialogue
import ShopRecommend
import ShopSentiment
import ShopCore

/// Every model and knowledge file the service answers from, loaded once and shared
/// read-only by all requests. A reload builds a new instance and swaps it in whole
/// (`ModelStore`), so a request never sees half of one set and half of another.
public final class ServiceModels: Sendable {
    public let sentiment: ModelChooser
    public let aspects: AspectExtractor?
    public let intentSet: IntentSet
    public let intentModel: IntentModel
    public let urgency: any UrgencyScoring
    public let templates: TemplateLibrary
    public let checker: ComplianceChecker
    public let fluency: LMFluencyScorer?
    public let recommender: RecommenderModel?
    public let versions: [ModelVersion]
    public let loadedAt: Date

    public init(sentiment: ModelChooser, aspects: AspectExtractor?, intentSet: IntentSet, intentModel: IntentModel,
                urgency: any UrgencyScoring, templates: TemplateLibrary, checker: ComplianceChecker,
                fluency: LMFluencyScorer?, recommender: RecommenderModel?, versions: [ModelVersion]) {
        self.sentiment = sentiment
        self.aspects = aspects
        self.intentSet = intentSet
        self.intentModel = intentModel
        self.urgency = urgency
        self.templates = templates
        self.checker = checker
        self.fluency = fluency
        self.recommender = recommender
        self.versions = versions
        self.loadedAt = Date()
    }

    /// Loads what the CLI commands load, from the configured folders: the sentiment models
    /// and aspect lexicons (`sentiment tag`), the intent model and knowledge (`chat`,
    /// `intent predict`), templates, compliance lists and ranking LMs (`describe`), and the
    /// recommender when one is configured (`recommend`).
    public static func load(_ c: ServiceConfiguration) throws -> ServiceModels {
        let models = c.modelsDirectory as NSString
        let fm = FileManager.default
        var versions: [ModelVersion] = []

        func optionalModel(_ file: String) -> String? {
            let p = models.appendingPathComponent(file)
            return fm.fileExists(atPath: p) ? p : nil
        }

        let zhPath = optionalModel("sentiment-zh.model"), enPath = optionalModel("sentiment-en.model")
        let zh = try zhPath.map { try SentimentModelFile.read($0) }
        let en = try enPath.map { try SentimentModelFile.read($0) }
        guard zh != nil || en != nil else {
            throw ServiceError.missingModel("no sentiment model (sentiment-zh.model or sentiment-en.model) in \(c.modelsDirectory)")
        }
        if let zhPath { versions.append(.of(name: "sentiment-zh", path: zhPath)) }
        if let enPath { versions.append(.of(name: "sentiment-en", path: enPath)) }

        let corpora = ResourcePaths.packageFolder("Corpora") as NSString
        let zhAspects = corpora.appendingPathComponent("aspects/zh.tsv"), enAspects = corpora.appendingPathComponent("aspects/en.tsv")
        var aspects = fm.fileExists(atPath: zhAspects) && fm.fileExists(atPath: enAspects)
            ? AspectExtractor(zh: try AspectLexicon.load(zhAspects), en: try AspectLexicon.load(enAspects)) : nil
        // The same English aspect models `sentiment tag --aspects` uses, so the console's
        // review page and the CLI agree (a damaged file fails the load like any other model).
        if aspects != nil, let p = optionalModel("absa-en.model") {
            aspects?.polarityModel = try AspectPolarityModel.load(p)
            versions.append(.of(name: "absa-en", path: p))
        }
        if aspects != nil, let p = optionalModel("absa-tagger-en.model") {
            aspects?.termTagger = try AspectTermTagger.load(p)
            versions.append(.of(name: "absa-tagger-en", path: p))
        }

        guard let intentPath = optionalModel("intent.model") else {
            throw ServiceError.missingModel("no intent.model in \(c.modelsDirectory)")
        }
        let intentModel = try IntentModelFile.load(intentPath)
        versions.append(.of(name: "intent", path: intentPath))
        let intentSet = try IntentSet.load(directory: c.intentsDirectory)
        let urgency: any UrgencyScoring = zh == nil && en == nil ? LexiconUrgency() : SentimentUrgency(zh: zh, en: en)

        var lms: [CopyLanguageModel] = []
        for lang in Language.allCases {
            if let p = optionalModel("copy-lm-\(lang.rawValue).snm") {
                lms.append(try CopyLanguageModel.load(from: p))
                versions.append(.of(name: "copy-lm-\(lang.rawValue)", path: p))
            }
        }

        var recommender: RecommenderModel? = nil
        if let p = c.recommenderPath ?? optionalModel("recommender.model") {
            recommender = try RecommenderModel.load(from: p)
            versions.append(.of(name: "recommender", path: p))
        }

        return ServiceModels(
            sentiment: ModelChooser(zh: zh, en: en), aspects: aspects, intentSet: intentSet, intentModel: intentModel,
            urgency: urgency, templates: try TemplateLibrary.loadDefault(),
            checker: ComplianceChecker(list: try ComplianceList.loadDefault()),
            fluency: lms.isEmpty ? nil : LMFluencyScorer(models: lms), recommender: recommender, versions: versions)
    }
}
