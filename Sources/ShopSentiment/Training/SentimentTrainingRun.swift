import Foundation
import ShopCore
import ShopData
import ShopEmbeddings
import ShopNeural

/// What `shopnlp sentiment train` does, so that the command only parses options: reads the
/// labelled files, drops training texts with a normalised twin in what the model is chosen
/// or scored on, holds out a slice of train when no dev file is given, fills every option
/// left unset from `SentimentRecipe`, trains, writes the model (proven to re-load as the
/// trained one) and its manifest.
public struct SentimentTrainingRun {
    /// Training files (TSV `label<TAB>text`); paths that do not exist are looked up in the
    /// shared corpora.
    public var train: [String]
    /// Dev files for every choice (empty: a seeded stratified slice of train).
    public var dev: [String] = []
    /// Test files, only evaluated for the manifest.
    public var test: [String] = []
    /// Training texts with a normalised twin in these files are dropped (as are twins of
    /// `dev` and `test`).
    public var exclude: [String] = []
    /// Also drop twins of every dev/test split of the shared corpora.
    public var excludeHeldOut = false
    /// Where to write the training texts actually used (for overlap audits).
    public var writeText: String?
    /// Where the model goes; the manifest goes beside it.
    public var out: String
    /// The shared corpora folder (nil: `SHOPNLP_CORPORA`, else `../shared/corpora`).
    public var corpora: String?
    public var labelMapping = LabelMapping()
    /// `zh` or `en`; nil: detected from the training texts.
    public var language: String?

    // The n-gram path; nil means the recipe's value for the language.
    public var order: Int?
    public var hanOrder: Int?
    public var subwordOrder = 0
    public var wordOrder: Int?
    public var minCount = 2
    public var maxFeatures = 2_000_000
    public var hyper = LinearHyperParameters(epochs: 12, learningRate: 0.1, l2: 1e-4, nbAlpha: 1, featureDropout: 0)
    /// n-gram models trained from seeds `seed`, `seed+1`, … and averaged.
    public var seeds = 3
    public var seed: UInt64 = 1

    // The deep path (off when `deepEpochs` is 0).
    public var deepEpochs = 8
    /// Vector files that start the embedding (empty: the shipped vectors of the language;
    /// `["none"]`: a random start).
    public var embeddings: [String] = []
    public var freezeEmbeddings = false
    /// Embedding size (nil: the vectors', else 100).
    public var deepEmbed: Int?
    public var deepHidden = 64
    public var deepMaxLength = 128
    public var deepVocab = 30_000
    public var deepLearningRate: Float = 2e-3
    public var deepDropout: Float = 0.3
    /// Networks averaged (nil: the recipe's count for the training size).
    public var deepSeeds: Int?
    public var showProgress = false

    /// The command's words after `shopnlp sentiment`, recorded (shell-quoted) in the model
    /// and the manifest as the way to rebuild it.
    public var arguments: [String] = []
    /// Where progress lines go (one line per call, without its newline).
    public var log: (String) -> Void = { SentimentPaths.log($0 + "\n") }

    public init(train: [String], out: String) {
        self.train = train
        self.out = out
    }

    /// The path of the manifest written beside `out`.
    public var manifestPath: String { (out.hasSuffix(".model") ? String(out.dropLast(6)) : out) + ".manifest.json" }

    /// Trains and writes the model and its manifest.
    public func run() throws {
        var trainEx = try load(train)
        var devEx = try load(dev)
        // Training never holds a normalised twin (TextKey: NFKC, case, width, spacing,
        // punctuation) of a text it is chosen or scored on: its own dev and test files, the
        // exclude files, and with excludeHeldOut every shared dev/test split.
        var banned = try CorpusTexts.keys((dev + test + exclude).map { SentimentPaths.dataFile($0, corpora: corpora) })
        var sources = "--dev/--test" + (exclude.isEmpty ? "" : "/--exclude")
        if excludeHeldOut {
            banned.formUnion(try EvaluationSplits.keys(root: corpora).keys)
            sources += " and every shared dev/test split"
        }
        let before = trainEx.count
        trainEx.removeAll { banned.contains(text: $0.text) }
        log("dropped \(before - trainEx.count) of \(before) training examples with a normalised twin in \(sources)")
        if trainEx.isEmpty && before > 0 {
            throw SentimentError.usage("every training example has a normalised twin in \(sources): training and evaluation hold the same texts; give --dev/--test files distinct from --train")
        }
        if let writeText {
            try AtomicFile.write(Data((trainEx.map(\.text).joined(separator: "\n") + "\n").utf8), to: writeText)
        }
        // Without dev files every choice (epochs, the mix) is made on a seeded stratified
        // slice of train, and the model trained on the rest is kept: refitting would double
        // the training time for a tenth more data.
        var selection = "dev: " + dev.joined(separator: " ")
        if devEx.isEmpty && dev.isEmpty {
            let split = try SentimentRecipe.holdout(trainEx, seed: seed)
            (trainEx, devEx) = (split.fit, split.heldOut)
            selection = "held-out \(Int(SentimentRecipe.holdoutShare * 100))% of train (\(devEx.count) examples, stratified, seed \(seed)); the model trained on the other \(trainEx.count) is kept, not refitted"
            log("no --dev: " + selection)
        }
        let lang = language ?? SentimentRecipe.language(of: trainEx.map(\.text))
        if language == nil { log("language: \(lang) (detected from the training texts; --lang to set it)") }
        var config = try trainingConfig(language: lang, trainCount: trainEx.count)
        config.selection = selection
        let command = "shopnlp sentiment " + arguments.map(ShellQuote.word).joined(separator: " ")
        let info = ModelInfo(trainFiles: train, devFiles: dev, command: command)
        let model = try SentimentTraining.train(train: trainEx, dev: devEx, config: config, info: info, log: log)
        let (data, float32) = try SentimentModelFile.encodeVerified(model, dev: devEx, log: log)
        try AtomicFile.write(data, to: out)
        log("wrote \(out) (\(data.count) bytes)")

        var metrics: [String: SentimentMetrics] = [:]
        if !devEx.isEmpty { metrics["dev"] = SentimentTraining.evaluate(model, devEx) }
        for f in test {
            let m = SentimentTraining.evaluate(model, try load([f]))
            metrics["test:" + f] = m
            log(String(format: "%@: test accuracy %.2f%%, macro-F1 %.2f%%", f, m.accuracy * 100, m.macroF1 * 100))
        }
        let manifest = SentimentManifest(model: (out as NSString).lastPathComponent, bytes: data.count,
                                         checksum: String(format: "fnv1a64:%016llx", SentimentModelFile.checksum(data)),
                                         format: "ModelArchive, kind \(SentimentModelFile.archiveKind) v\(SentimentModelFile.version), " + (float32 ? "float32" : "float16") + " n-gram weights" + (model.deep == nil ? "" : " + deep path (nested ModelArchives, float16)"),
                                         labels: model.labels, features: model.features, featureCount: model.vocabulary.count,
                                         info: model.info, metrics: metrics, rebuild: command)
        try manifest.write(to: manifestPath)
        log("wrote \(manifestPath)")
    }

    /// The training settings: the options given, the recipe's values for the rest.
    func trainingConfig(language: String, trainCount: Int) throws -> SentimentTrainingConfig {
        let recipe = SentimentRecipe.features(language: language)
        var config = SentimentTrainingConfig(
            features: FeatureOptions(order: order ?? recipe.order, hanOrder: hanOrder ?? recipe.hanOrder,
                                     subwordOrder: subwordOrder, wordOrder: wordOrder ?? recipe.wordOrder),
            minCount: minCount, maxFeatures: maxFeatures, hyper: hyper,
            seeds: (0..<UInt64(seeds)).map { seed + $0 }, language: language, labelMapping: labelMapping)
        guard deepEpochs > 0 else { return config }
        let pretrained = try Self.pretrained(embeddings.isEmpty ? shippedVectors(language) : embeddings.filter { $0 != "none" })
        var deep = SentimentRecipe.deep(trainCount: trainCount, seed: seed)
        deep.epochs = deepEpochs
        deep.embedDim = deepEmbed ?? pretrained?.dimension ?? 100
        deep.hiddenSize = deepHidden
        deep.maxLength = deepMaxLength
        deep.maxVocabulary = deepVocab
        deep.learningRate = deepLearningRate
        deep.dropout = deepDropout
        deep.freezeEmbeddings = freezeEmbeddings
        deep.networks = deepSeeds ?? deep.networks
        config.deep = deep
        config.pretrained = pretrained
        config.showProgress = showProgress
        return config
    }

    /// The labelled examples of `files`, each file's count logged.
    func load(_ files: [String]) throws -> [LabeledExample] {
        var all: [LabeledExample] = []
        for f in files {
            let path = SentimentPaths.dataFile(f, corpora: corpora)
            let (ex, dropped) = try LabeledExample.read(path, mapping: labelMapping)
            log("\(f): \(ex.count) examples" + (dropped > 0 ? ", \(dropped) dropped by the label mapping" : ""))
            all += ex
        }
        return all
    }

    /// The shipped vectors of a language, `Models/embeddings-<lang>.model`, when present.
    func shippedVectors(_ language: String) -> [String] {
        let path = (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("embeddings-\(language).model")
        guard FileManager.default.fileExists(atPath: path) else {
            log("warning: \(path) not found; the deep path's embedding starts at random")
            return []
        }
        return [path]
    }

    /// Vector files as the deep path takes them (see `VectorFiles`); nil for none.
    static func pretrained(_ files: [String]) throws -> PretrainedVectors? {
        guard !files.isEmpty else { return nil }
        return try VectorFiles.load(files).pretrained()
    }
}
