import Foundation
import ShopData
import ShopCore

/// Where the sentiment commands, the recommender's sentiment features and the benchmarks
/// find their files.
public enum SentimentPaths {
    /// A data file as given, else relative to the shared corpora (`--corpora`,
    /// `SHOPNLP_CORPORA`), so commands like `--train chnsenticorp_htl_all/train.tsv` work anywhere.
    public static func dataFile(_ path: String, corpora: String?) -> String {
        if FileManager.default.fileExists(atPath: path) || path.hasPrefix("/") { return path }
        let c = ResourcePaths.corpus(path, root: corpora)
        return FileManager.default.fileExists(atPath: c) ? c : path
    }

    /// The default model of a language: `Models/sentiment-<lang>.model`.
    public static func defaultModel(_ lang: String) -> String {
        (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("sentiment-\(lang).model")
    }

    /// The aspect lexicon of a language: `Corpora/aspects/<lang>.tsv`.
    public static func aspectLexicon(_ lang: String) -> String {
        (ResourcePaths.packageFolder("Corpora") as NSString).appendingPathComponent("aspects/\(lang).tsv")
    }

    /// The default English aspect-polarity model: `Models/absa-en.model`.
    public static func defaultAspectModel() -> String {
        (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("absa-en.model")
    }

    /// The default English aspect-term tagger: `Models/absa-tagger-en.model`.
    public static func defaultTermTagger() -> String {
        (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("absa-tagger-en.model")
    }

    /// The aspect lexicons, with the trained English polarity model: `aspectModel`, else the
    /// default one when it exists. A default model that does not load is reported and the
    /// clause rule used instead; a model given explicitly must load. With `termTagger`, the
    /// default English term tagger joins the lexicon when it exists (false: the lexicon alone,
    /// e.g. to score the lexicon as a baseline).
    public static func loadAspects(aspectModel: String? = nil, termTagger: Bool = true) throws -> AspectExtractor {
        var extractor = AspectExtractor(zh: try AspectLexicon.load(aspectLexicon("zh")), en: try AspectLexicon.load(aspectLexicon("en")))
        if termTagger && FileManager.default.fileExists(atPath: defaultTermTagger()) {
            do { extractor.termTagger = try AspectTermTagger.load(defaultTermTagger()) } catch {
                log("warning: \(error); English aspect terms come from the lexicon alone\n")
            }
        }
        if let aspectModel {
            extractor.polarityModel = try AspectPolarityModel.load(aspectModel)
        } else if FileManager.default.fileExists(atPath: defaultAspectModel()) {
            do { extractor.polarityModel = try AspectPolarityModel.load(defaultAspectModel()) } catch {
                log("warning: \(error); English aspects fall back to the clause rule\n")
            }
        }
        return extractor
    }

    /// The models to tag with: the given one, or the default model of each record's language.
    public static func chooser(model: String?) throws -> ModelChooser {
        let chooser = try loadChooser(model: model)
        warnIfWordFeaturesOff([chooser.single, chooser.zh, chooser.en].compactMap { $0 })
        return chooser
    }

    /// Says on stderr when models that use word features will run without them (the shared
    /// segmenter file did not load): tagging and evaluation then quietly lose accuracy.
    public static func warnIfWordFeaturesOff(_ models: [SentimentModel]) {
        if models.contains(where: { $0.features.wordOrder > 0 }) && !WordSegmenter.shared.isAvailable {
            log("warning: the shared tokenizer did not load; word features are off and accuracy drops a little\n")
        }
    }

    private static func loadChooser(model: String?) throws -> ModelChooser {
        if let model { return ModelChooser(model: try SentimentModelFile.read(model)) }
        let zhPath = defaultModel("zh"), enPath = defaultModel("en")
        let zh = FileManager.default.fileExists(atPath: zhPath) ? try SentimentModelFile.read(zhPath) : nil
        let en = FileManager.default.fileExists(atPath: enPath) ? try SentimentModelFile.read(enPath) : nil
        guard zh != nil || en != nil else {
            throw SentimentError.usage("no --model given and no default model at \(zhPath) or \(enPath)")
        }
        return ModelChooser(zh: zh, en: en)
    }

    /// Writes to standard error (progress, summaries).
    public static func log(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
