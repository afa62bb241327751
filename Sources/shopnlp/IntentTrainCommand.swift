import ArgumentParser
import Foundation
import ShopData
import ShopDialogue

/// `shopnlp intent train`: fits and calibrates an intent model and writes it atomically.
struct IntentTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an intent model from TSV files (intent<TAB>utterance) or from an Intents/ folder."
    )

    @Option(name: .customLong("train"), parsing: .upToNextOption, help: "Training TSV file(s): intent<TAB>utterance.")
    var trainFiles: [String] = []

    @Option(help: "Intents folder (XML) to train from instead of TSV.")
    var intents: String?

    @Option(help: "Dev TSV used to calibrate temperature, deep/wide mix and the out-of-scope threshold (default: a held-out 10% of train).")
    var dev: String?

    @Option(help: "Output model path.")
    var out: String

    @Option(help: "SVM regularisation C of the wide path.")
    var c: Float = 0.5

    @Option(help: "Coordinate-descent epochs of the wide path.")
    var epochs: Int = 20

    @Option(help: "Weight of out-of-scope recall against in-scope accuracy when choosing the threshold.")
    var oosWeight: Double = 1.0

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Also write a manifest (JSON: data, hyper-parameters, metrics, checksum, rebuild command).")
    var manifest: String?

    func run() throws {
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
        guard !train.isEmpty else { throw ValidationError("give --train FILE… or --intents DIR") }
        let devSet = try dev.map { try IntentTSV.read($0) }
        var trainer = IntentTrainer()
        trainer.c = c
        trainer.epochs = epochs
        trainer.seed = seed
        trainer.oosWeight = oosWeight
        trainer.log = { FileHandle.standardError.write(Data(("intent train: " + $0 + "\n").utf8)) }
        let start = Date()
        var model = try trainer.train(train, dev: devSet)
        let seconds = Date().timeIntervalSince(start)
        model.info["data"] = sources.joined(separator: " ")
        model.info["intents"] = String(model.intentNames.count)
        try IntentModelFile.save(model, to: out)
        FileHandle.standardError.write(Data(String(format: "intent train: %d examples, %d labels, %.1fs; wrote %@\n",
                                                   train.count, model.labels.count, seconds, out).utf8))
        if let manifest {
            try IntentManifest.write(model: model, modelPath: out, manifestPath: manifest,
                                     command: CommandLine.arguments.dropFirst().joined(separator: " "),
                                     seconds: seconds, evalFiles: [])
        }
    }
}
