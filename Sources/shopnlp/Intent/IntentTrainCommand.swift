import ArgumentParser
import Foundation
import ShopDialogue

/// `shopnlp intent train`: fits and calibrates an intent model and writes it atomically.
struct IntentTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an intent model from TSV files (intent<TAB>utterance) or from an Intents/ folder.",
        discussion: """
        Defaults are the benchmarked recipe: the wide TF-IDF + linear SVM path (C 1) mixed with
        the deep path (embedding → BiLSTM → attention with a 100,000-bucket word/bigram bag, best
        of 10 epochs), softmax temperature, mix and out-of-scope threshold chosen on --dev or, without
        it, on a seeded stratified 10% of train (the wide path is then refitted on all of train).
        `oos` examples train a class of their own and calibrate the threshold, which maximises
        in-scope accuracy + --oos-weight × out-of-scope recall. --fast trains the wide path alone.
        """
    )

    @Option(name: .customLong("train"), parsing: .upToNextOption, help: "Training TSV file(s): intent<TAB>utterance.") var trainFiles: [String] = []
    @Option(help: "Intents folder (XML) to train from instead of TSV.") var intents: String?
    @Option(help: "Dev TSV used to calibrate temperature, deep/wide mix and the out-of-scope threshold (default: a held-out 10% of train).") var dev: String?
    @Option(help: "Output model path.") var out: String
    @Option(help: "SVM regularisation C of the wide path.", range: .positive) var c: Float = 1
    @Option(help: "Coordinate-descent epochs of the wide path.", range: .epochs) var epochs: Int = 20
    @Flag(help: "The wide path alone (no deep path): seconds instead of minutes.") var fast = false
    @Option(help: "Deep path (embedding+BiLSTM+attention, ShopNeural) epochs, the best on calibration data kept; 0 = wide path only.", range: .optionalEpochs) var deepEpochs: Int = 10
    @Option(help: "Deep path: hidden units per LSTM direction.", range: .width) var hidden: Int = 96
    @Option(help: "Deep path: embedding size (default 96; with --embeddings, the vectors' dimension — a different value is an error).", range: .width) var embed: Int?

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Deep path: start its embedding layer from these word vectors (our .model files or word2vec .txt/.vec), e.g. Models/embeddings-en.model Models/embeddings-zh.model.",
        discussion: "A token takes the vector of the first file whose vocabulary holds it, else subword vectors from the file of its script; tokens with neither keep random rows. Needs --deep-epochs > 0."))
    var embeddings: [String] = []

    @Flag(help: "Deep path: keep the --embeddings rows fixed during training (default: fine-tune them).") var freezeEmbeddings = false
    @Option(help: "Deep path: buckets of its own hashed word/bigram bag (0 = pure embedding+BiLSTM+attention; the wide TF-IDF path is separate).", range: .optionalTableSize) var deepWideBuckets: Int = 100_000
    @Flag(help: "Progress bar for the deep path on stderr even when it is not a terminal.") var progress = false
    @Flag(help: "No progress bar (shown by default when stderr is a terminal).") var quiet = false
    @Option(help: "Deep path: learning rate.", range: .learningRate) var learningRate: Float = 3e-3
    @Option(help: "Wide path: longest character n-gram inside Latin words.", range: .optionalOrder) var charMax: Int = 5
    @Option(help: "Weight of out-of-scope recall against in-scope accuracy when choosing the threshold.", range: .nonNegative) var oosWeight: Double = 1.0
    @Flag(help: "Use oos examples only to calibrate the threshold, not as a class.") var noOosClass = false
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(name: .customLong("eval"), parsing: .upToNextOption, help: "TSV files to evaluate the trained model on (printed and put in the manifest).") var evalFiles: [String] = []
    @Option(help: "Also write a manifest (JSON: data, hyper-parameters, metrics, checksum, rebuild command).") var manifest: String?

    func validate() throws {
        if !embeddings.isEmpty && (deepEpochs <= 0 || fast) {
            throw ValidationError("--embeddings initialises the deep path's embedding layer, which --fast / --deep-epochs 0 turn off")
        }
        if freezeEmbeddings && embeddings.isEmpty {
            throw ValidationError("--freeze-embeddings needs --embeddings FILE…")
        }
    }

    func run() throws {
        var training = IntentTrainingRun(out: out)
        training.intents = intents; training.trainFiles = trainFiles; training.dev = dev
        training.c = c; training.epochs = epochs; training.charMax = charMax
        training.deepEpochs = fast ? 0 : deepEpochs
        training.hidden = hidden; training.embed = embed; training.embeddings = embeddings
        training.freezeEmbeddings = freezeEmbeddings; training.deepWideBuckets = deepWideBuckets
        training.learningRate = learningRate
        training.showProgress = progress || (!quiet && isatty(STDERR_FILENO) != 0)
        training.oosWeight = oosWeight; training.oosAsClass = !noOosClass; training.seed = seed
        training.evalFiles = evalFiles; training.manifest = manifest
        training.command = CommandLine.arguments.dropFirst().joined(separator: " ")
        do { try training.run() } catch is IntentTrainingRun.NoExamples {
            throw ValidationError("give --train FILE… or --intents DIR")
        }
    }
}
