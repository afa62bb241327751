import Foundation
import ShopData

/// The loaded knowledge, model and dialogue manager behind `shopnlp chat`, with `/reload`.
public final class ChatSession {
    public let modelPath: String
    public let intentsPath: String
    public private(set) var intentSet: IntentSet
    public private(set) var model: IntentModel
    public let manager: DialogueManager

    public init(modelPath: String, intentsPath: String, intentSet: IntentSet, model: IntentModel, seed: UInt64) {
        self.modelPath = modelPath
        self.intentsPath = intentsPath
        self.intentSet = intentSet
        self.model = model
        manager = DialogueManager(intents: intentSet, classifier: model, urgency: ChatUrgency.make(), seed: seed)
    }

    public static func open(modelPath: String?, intentsPath: String?, seed: UInt64) throws -> ChatSession {
        let dir = intentsPath ?? IntentModelLoader.defaultIntentsPath
        let set = try IntentSet.load(directory: dir)
        let m = try IntentModelLoader.load(modelPath)
        return ChatSession(modelPath: modelPath ?? IntentModelLoader.defaultModelPath, intentsPath: dir,
                           intentSet: set, model: m, seed: seed)
    }

    /// Ablation for benchmarks: drop the deep path from the mix.
    public func useWideOnly() {
        model.deepWeight = 0
        manager.replace(intents: intentSet, classifier: model)
    }

    /// Re-reads `Intents/`; retrains in memory when an intent file is newer than the model
    /// (or the intents changed), otherwise reloads the model file. Returns what it did.
    public func reload(log: @escaping (String) -> Void) throws -> String {
        let set = try IntentSet.load(directory: intentsPath)
        let fm = FileManager.default
        let modelDate = (try? fm.attributesOfItem(atPath: modelPath)[.modificationDate] as? Date) ?? .distantPast
        let files = (try? fm.contentsOfDirectory(atPath: intentsPath)) ?? []
        let newest = files.filter { $0.hasSuffix(".xml") }.compactMap {
            try? fm.attributesOfItem(atPath: (intentsPath as NSString).appendingPathComponent($0))[.modificationDate] as? Date
        }.max() ?? .distantPast
        let namesChanged = Set(set.intents.map(\.name)) != Set(model.labels)
        let what: String
        if newest > modelDate || namesChanged {
            var trainer = IntentTrainer.matching(model.info)
            trainer.log = log
            // calibrate on the held-out dev set when the folder has one, as the shipped model was
            let devPath = (intentsPath as NSString).appendingPathComponent("eval/dev.tsv")
            let dev = fm.fileExists(atPath: devPath) ? try IntentTSV.read(devPath) : nil
            model = try trainer.train(set.trainingExamples(), dev: dev)
            what = "intent files are newer than the model: retrained in memory on \(set.trainingExamples().count) examples (not saved; rebuild Models/ with `intent train`)"
        } else {
            model = try IntentModelFile.load(modelPath)
            what = "reloaded \(modelPath)"
        }
        intentSet = set
        manager.replace(intents: set, classifier: model)
        return what + "; \(set.inScope.count) intents"
    }
}
