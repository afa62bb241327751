import Foundation
import ShopEmbeddings
import ShopNeural

/// What `shopnlp intent train` does, so that the command only parses options: reads the
/// training data (an Intents/ folder and/or `intent<TAB>utterance` files), sets up the wide
/// trainer and the deep path (started from word vectors when given), trains and calibrates,
/// records how in the model's info, writes the model, scores it on the eval files and
/// writes the manifest.
public struct IntentTrainingRun {
    /// Thrown when the intents folder and the training files hold no example.
    public struct NoExamples: Error {}

    /// An Intents/ folder (XML) to train from.
    public var intents: String?
    /// Training TSV files, read after the folder.
    public var trainFiles: [String] = []
    /// Calibration data (nil: a held-out 10% of train).
    public var dev: String?
    /// Where the model goes.
    public var out: String
    /// The wide path: SVM C, coordinate-descent epochs, longest Latin character n-gram.
    public var c: Float = 1
    public var epochs = 20
    public var charMax = 5
    /// The deep path: epochs (0: wide path only), hidden units, embedding size (nil: the
    /// vectors', else 96), vectors to start from, whether they stay fixed, its word/bigram
    /// bag, learning rate, progress bar.
    public var deepEpochs = 10
    public var hidden = 96
    public var embed: Int?
    public var embeddings: [String] = []
    public var freezeEmbeddings = false
    public var deepWideBuckets = 100_000
    public var learningRate: Float = 3e-3
    public var showProgress = false
    /// Out of scope: the threshold's weight of oos recall, and whether oos is a class.
    public var oosWeight = 1.0
    public var oosAsClass = true
    public var seed: UInt64 = 42
    /// Files to score the model on (lines through `output`, figures into the manifest).
    public var evalFiles: [String] = []
    /// Where to write the manifest (nil: none), and the command recorded in it.
    public var manifest: String?
    public var command = ""
    /// Progress lines (stderr by default, prefixed `intent train: `).
    public var log: (String) -> Void = { FileHandle.standardError.write(Data(("intent train: " + $0 + "\n").utf8)) }
    /// The evaluation lines (stdout by default).
    public var output: (String) -> Void = { print($0) }

    public init(out: String) { self.out = out }

    /// Trains, writes the model (and the manifest when asked) and scores the eval files.
    public func run() throws {
        var train: [LabeledUtterance] = []
        var sources: [String] = []
        if let intents {
            let set = try IntentSet.load(directory: intents)
            train = set.trainingExamples()
            sources.append(intents)
        }
        for f in trainFiles {
            train += try IntentTSV.read(f)
            sources.append(f)
        }
        guard !train.isEmpty else { throw NoExamples() }
        let devSet = try dev.map { try IntentTSV.read($0) }
        var trainer = IntentTrainer()
        trainer.c = c
        trainer.epochs = epochs
        trainer.seed = seed
        trainer.oosWeight = oosWeight
        trainer.oosAsClass = oosAsClass
        trainer.extractor.charMax = charMax
        let vectors = embeddings.isEmpty ? nil : try VectorFiles.load(embeddings)
        if let embed, let vectors, embed != vectors.dimension { // fail before the wide path trains
            throw PretrainedVectorsError.dimensionMismatch(embedDim: embed, vectorsDimension: vectors.dimension)
        }
        let embedDim = embed ?? vectors?.dimension ?? 96
        if deepEpochs > 0 {
            var deep = NeuralIntentTrainer()
            deep.epochs = deepEpochs
            deep.hiddenSize = hidden
            deep.embedDim = embedDim
            deep.pretrained = vectors?.pretrained(freeze: freezeEmbeddings)
            deep.learningRate = learningRate
            deep.wideBuckets = deepWideBuckets
            deep.seed = seed
            deep.showProgress = showProgress
            trainer.deepTrainer = deep
        }
        trainer.log = log
        let start = Date()
        var model = try trainer.train(train, dev: devSet)
        let seconds = Date().timeIntervalSince(start)
        model.info["data"] = sources.joined(separator: " ")
        model.info["oos_weight"] = String(oosWeight)
        model.info["oos_as_class"] = String(oosAsClass)
        model.info["char_max"] = String(charMax)
        model.info["deep_epochs"] = String(deepEpochs)
        if deepEpochs > 0 {
            model.info["deep_hidden"] = String(hidden)
            model.info["deep_embed"] = String(embedDim)
            model.info["deep_learning_rate"] = String(learningRate)
            model.info["deep_wide_buckets"] = String(deepWideBuckets)
        }
        if vectors != nil {
            model.info["deep_embeddings"] = embeddings.joined(separator: " ")
            model.info["deep_freeze_embeddings"] = String(freezeEmbeddings)
            if let r = (model.deep as? NeuralIntentPath)?.embeddingInit {
                model.info["deep_embeddings_found"] = "\(r.found)/\(r.rows)"
            }
        }
        model.info["intents"] = String(model.intentNames.count)
        try IntentModelFile.save(model, to: out)
        log(String(format: "%d examples, %d labels, %.1fs; wrote %@", train.count, model.labels.count, seconds, out))
        var results: [(String, IntentMetrics)] = []
        for f in evalFiles {
            let m = model.evaluate(try IntentTSV.read(f))
            results.append((f, m))
            var line = String(format: "eval %@: accuracy %.4f, macro-F1 %.4f", f, m.accuracy, m.macroF1)
            if m.hasOutOfScope { line += String(format: ", in-scope accuracy %.4f, oos recall %.4f", m.inScopeAccuracy, m.outOfScopeRecall) }
            output(line)
        }
        if let manifest {
            try IntentManifest.write(model: model, modelPath: out, manifestPath: manifest, command: command,
                                     seconds: seconds, evalFiles: results)
        }
    }
}
