import ArgumentParser
import Foundation
import ShopData
import ShopSentiment

/// `shopnlp sentiment train`: trains a model from `label<TAB>text` files.
struct SentimentTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a sentiment model from label<TAB>text files (picks the best epoch on --dev).",
        discussion: """
        Paths that do not exist as given are looked up in the shared corpora (--corpora,
        SHOPNLP_CORPORA, ../shared/corpora). Writes MODEL atomically and MODEL's manifest
        (<MODEL without .model>.manifest.json) with data, hyper-parameters, metrics, checksum
        and this command line.
        """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (TSV label<TAB>text).")
    var train: [String]
    @Option(name: .long, parsing: .upToNextOption, help: "Dev files (TSV) for choosing the epoch.")
    var dev: [String] = []
    @Option(name: .long, parsing: .upToNextOption, help: "Test files, only evaluated for the manifest (never used for choices).")
    var test: [String] = []
    @Option(name: .long, parsing: .upToNextOption, help: "Drop training examples with a normalised twin (NFKC, case, width, spacing, punctuation) in these files (e.g. other corpora's dev/test splits, which overlap). Twins of --dev and --test are always dropped.")
    var exclude: [String] = []
    @Flag(name: .long, help: "Also drop training examples with a normalised twin in any dev/test split of the shared corpora.")
    var excludeHeldOut = false
    @Option(name: .long, help: "Also write the training texts actually used here (for `shopnlp corpus overlap` audits).")
    var writeText: String?
    @Option(name: .long, help: "Where to write the model (e.g. Models/sentiment-zh.model).")
    var out: String
    @Option(name: .long, help: "Language of the data: zh or en (recorded in the model).")
    var lang: String?
    @Option(name: .long, help: "Deep path (embedding → BiLSTM → attention, mixed with the n-gram path) epochs; 0 = n-gram path only.", range: .optionalEpochs)
    var deepEpochs = 0
    @Option(name: .long, parsing: .upToNextOption, help: "Word vectors that start the deep path's embedding (our `embed train` files or word2vec text; several files, e.g. zh and en: a word takes the first file that knows it, else subwords).")
    var embeddings: [String] = []
    @Flag(name: .long, help: "Keep the pretrained embedding rows fixed while training.")
    var freezeEmbeddings = false
    @Option(name: .long, help: "Deep path: embedding size (must equal the vectors' size with --embeddings; default: theirs, else 100).", range: .width)
    var deepEmbed: Int?
    @Option(name: .long, help: "Deep path: LSTM hidden units per direction.", range: .width)
    var deepHidden = 64
    @Option(name: .long, help: "Deep path: tokens read per review (its beginning and end).", range: .length)
    var deepMaxLength = 128
    @Option(name: .long, help: "Deep path: most frequent words kept.", range: .tableSize)
    var deepVocab = 30_000
    @Option(name: .long, help: "Deep path: Adam learning rate.", range: .learningRate)
    var deepLr: Float = 2e-3
    @Option(name: .long, help: "Deep path: dropout.", range: .dropout)
    var deepDropout: Float = 0.3
    @Option(name: .long, help: "Deep path: networks trained from seeds seed, seed+1, … and averaged (each adds its training and tagging time).", range: .ensemble)
    var deepSeeds = 1
    @Flag(name: .long, help: "Progress bar for the deep path on stderr.")
    var progress = false
    @Flag(name: .long, help: "Read labels as star ratings: 1–2 negative, 4–5 positive, 3 dropped.")
    var starsToPolarity = false
    @Flag(name: .long, help: "With --stars-to-polarity, keep 3 stars as neutral.")
    var keepNeutral = false
    @Option(name: .long, help: "Longest unit n-gram (Han characters and words).", range: .order)
    var order = 2
    @Option(name: .long, help: "Longest n-gram of Han characters only.", range: .optionalOrder)
    var hanOrder = 3
    @Option(name: .long, help: "Character n-grams inside English words up to this length (0 = none).", range: .optionalOrder)
    var subwordOrder = 0
    @Option(name: .long, help: "Word n-grams from the shared tokenizer's Chinese segmentation up to this order (0 = none).", range: .optionalOrder)
    var wordOrder = 0
    @Option(name: .long, help: "Minimum document count of a feature.", range: .minCount)
    var minCount = 1
    @Option(name: .long, help: "Maximum number of features (most frequent kept).", range: .tableSize)
    var maxFeatures = 2_000_000
    @Option(name: .long, help: "Training epochs (best on dev kept).", range: .epochs)
    var epochs = 8
    @Option(name: .long, help: "AdaGrad learning rate.", range: .learningRate)
    var lr: Float = 0.1
    @Option(name: .long, help: "L2 penalty.", range: .nonNegative)
    var l2: Float = 1e-4
    @Option(name: .long, help: "Naive-Bayes smoothing (0 = plain logistic regression).", range: .nonNegative)
    var nbAlpha: Float = 1
    @Option(name: .long, help: "Feature dropout during training.", range: .dropout)
    var dropout: Float = 0
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1
    @Option(name: .long, help: "Train this many models (seeds seed, seed+1, …) and average them.", range: .ensemble)
    var seeds = 1
    @Option(name: .long, help: "Shared corpora folder.")
    var corpora: String?

    func validate() throws {
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang must be zh or en") }
        if seeds < 1 || epochs < 1 { throw ValidationError("--seeds and --epochs must be at least 1") }
        if deepEpochs < 0 { throw ValidationError("--deep-epochs must be 0 or more") }
        if deepSeeds < 1 { throw ValidationError("--deep-seeds must be at least 1") }
        if !embeddings.isEmpty && deepEpochs == 0 {
            throw ValidationError("--embeddings initialises the deep path's embedding layer: add --deep-epochs N (e.g. 4)")
        }
        if freezeEmbeddings && embeddings.isEmpty { throw ValidationError("--freeze-embeddings needs --embeddings") }
    }

    func run() throws {
        let mapping = LabelMapping(starsToPolarity: starsToPolarity, keepNeutral: keepNeutral)
        func load(_ files: [String]) throws -> [LabeledExample] {
            var all: [LabeledExample] = []
            for f in files {
                let path = SentimentPaths.dataFile(f, corpora: corpora)
                let (ex, dropped) = try LabeledExample.read(path, mapping: mapping)
                SentimentPaths.log("\(f): \(ex.count) examples" + (dropped > 0 ? ", \(dropped) dropped by the label mapping" : "") + "\n")
                all += ex
            }
            return all
        }
        var trainEx = try load(train)
        let devEx = try load(dev)
        // Training never holds a normalised twin (TextKey: NFKC, case, width, spacing,
        // punctuation) of a text it is chosen or scored on: its own --dev and --test, the
        // --exclude files, and with --exclude-held-out every shared dev/test split.
        var banned = try CorpusTexts.keys((dev + test + exclude).map { SentimentPaths.dataFile($0, corpora: corpora) })
        var sources = "--dev/--test" + (exclude.isEmpty ? "" : "/--exclude")
        if excludeHeldOut {
            banned.formUnion(try EvaluationSplits.keys(root: corpora).keys)
            sources += " and every shared dev/test split"
        }
        let before = trainEx.count
        trainEx.removeAll { banned.contains(text: $0.text) }
        SentimentPaths.log("dropped \(before - trainEx.count) of \(before) training examples with a normalised twin in \(sources)\n")
        if trainEx.isEmpty && before > 0 {
            throw SentimentError.usage("every training example has a normalised twin in \(sources): training and evaluation hold the same texts; give --dev/--test files distinct from --train")
        }
        if let writeText {
            try AtomicFile.write(Data((trainEx.map(\.text).joined(separator: "\n") + "\n").utf8), to: writeText)
        }
        var config = SentimentTrainingConfig(
            features: FeatureOptions(order: order, hanOrder: hanOrder, subwordOrder: subwordOrder, wordOrder: wordOrder),
            minCount: minCount, maxFeatures: maxFeatures,
            hyper: LinearHyperParameters(epochs: epochs, learningRate: lr, l2: l2, nbAlpha: nbAlpha, featureDropout: dropout),
            seeds: (0..<UInt64(seeds)).map { seed + $0 }, language: lang, labelMapping: mapping)
        if deepEpochs > 0 {
            let pretrained = try Self.pretrained(embeddings)
            var deep = DeepSentimentOptions()
            deep.epochs = deepEpochs
            deep.embedDim = deepEmbed ?? pretrained?.dimension ?? 100
            deep.hiddenSize = deepHidden
            deep.maxLength = deepMaxLength
            deep.maxVocabulary = deepVocab
            deep.learningRate = deepLr
            deep.dropout = deepDropout
            deep.freezeEmbeddings = freezeEmbeddings
            deep.seed = seed
            deep.networks = deepSeeds
            config.deep = deep
            config.pretrained = pretrained
            config.showProgress = progress
        }
        let command = "shopnlp sentiment " + CommandLine.arguments.dropFirst(2).map(Self.quote).joined(separator: " ")
        let info = ModelInfo(trainFiles: train, devFiles: dev, command: command)
        let model = try SentimentTraining.train(train: trainEx, dev: devEx, config: config, info: info) {
            SentimentPaths.log($0 + "\n")
        }
        let (data, float32) = try SentimentModelFile.encodeVerified(model, dev: devEx) { SentimentPaths.log($0 + "\n") }
        try AtomicFile.write(data, to: out)
        SentimentPaths.log("wrote \(out) (\(data.count) bytes)\n")

        var metrics: [String: SentimentMetrics] = [:]
        if !devEx.isEmpty { metrics["dev"] = SentimentTraining.evaluate(model, devEx) }
        for f in test {
            let m = SentimentTraining.evaluate(model, try load([f]))
            metrics["test:" + f] = m
            SentimentPaths.log(String(format: "%@: test accuracy %.2f%%, macro-F1 %.2f%%\n", f, m.accuracy * 100, m.macroF1 * 100))
        }
        let manifest = SentimentManifest(model: (out as NSString).lastPathComponent, bytes: data.count,
                                         checksum: String(format: "fnv1a64:%016llx", SentimentModelFile.checksum(data)),
                                         format: "SHOPSENT v\(SentimentModelFile.version), " + (float32 ? "float32" : "float16") + " weights" + (model.deep == nil ? "" : " + deep path (ShopNeural ModelArchive, float16)"),
                                         labels: model.labels, features: model.features, featureCount: model.vocabulary.count,
                                         info: model.info, metrics: metrics, rebuild: command)
        let manifestPath = (out.hasSuffix(".model") ? String(out.dropLast(6)) : out) + ".manifest.json"
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try enc.encode(manifest), to: manifestPath)
        SentimentPaths.log("wrote \(manifestPath)\n")
    }

    /// Our vector files as the sentiment deep path takes them (see `VectorFiles`).
    static func pretrained(_ files: [String]) throws -> PretrainedVectors? {
        guard !files.isEmpty else { return nil }
        let source = try VectorFiles.load(files)
        return PretrainedVectors(dimension: source.dimension, sources: files) { source.vector(for: $0) }
    }

    static func quote(_ s: String) -> String {
        s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@+,".contains($0) }) ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The manifest written beside a model.
struct SentimentManifest: Codable {
    var model: String
    var bytes: Int
    var checksum: String
    var format: String
    var labels: [String]
    var features: FeatureOptions
    var featureCount: Int
    var info: ModelInfo
    var metrics: [String: SentimentMetrics]
    var rebuild: String
}
