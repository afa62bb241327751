import ArgumentParser
import Foundation
import ShopData
import ShopDialogue

/// `shopnlp intent eval`: accuracy, macro-F1, confusion; in-scope accuracy and oos recall.
struct IntentEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate an intent model on a TSV test file.")

    @Option(help: "Model file (default: Models/intent.model).") var model: String?
    @Option(help: "Test TSV: intent<TAB>utterance (label oos = out of scope).") var test: String
    @Flag(help: "Print the metrics as one JSON object.") var json = false
    @Flag(help: "Print the full confusion matrix (text mode only prints the most frequent confusions).") var confusion = false
    @Flag(help: "Ablation: score with the wide TF-IDF path alone (deep weight 0).") var wideOnly = false
    @Flag(help: "Ablation: score with the deep BiLSTM path alone (deep weight 1).") var deepOnly = false

    func run() throws {
        var m = try IntentModelLoader.load(model)
        if wideOnly { m.deepWeight = 0 }
        if deepOnly {
            guard m.deep != nil else { throw ValidationError("--deep-only: this model has no deep path") }
            m.deepWeight = 1
        }
        let data = try IntentTSV.read(test)
        let start = Date()
        let metrics = m.evaluate(data)
        let perMessage = Date().timeIntervalSince(start) / Double(max(1, data.count))
        let confusions = metrics.topConfusions(limit: confusion ? Int.max : 10)
        if json {
            var obj: [String: Any] = [
                "test": test, "examples": data.count,
                "accuracy": metrics.accuracy, "macro_f1": metrics.macroF1,
                "ms_per_message": perMessage * 1000,
                "confusions": confusions.map { ["gold": $0.0, "predicted": $0.1, "count": $0.2] },
            ]
            if metrics.hasOutOfScope {
                obj["in_scope_accuracy"] = metrics.inScopeAccuracy
                obj["oos_recall"] = metrics.outOfScopeRecall
            }
            let d = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
            print(String(decoding: d, as: UTF8.self))
        } else {
            print("test: \(test) (\(data.count) examples)")
            print(String(format: "accuracy: %.4f", metrics.accuracy))
            print(String(format: "macro-F1: %.4f", metrics.macroF1))
            if metrics.hasOutOfScope {
                print(String(format: "in-scope accuracy: %.4f", metrics.inScopeAccuracy))
                print(String(format: "out-of-scope recall: %.4f", metrics.outOfScopeRecall))
            }
            print(String(format: "time per message: %.3f ms", perMessage * 1000))
            print(confusion ? "confusions (gold -> predicted: count):" : "most frequent confusions (gold -> predicted: count):")
            for (g, p, n) in confusions { print("  \(g) -> \(p): \(n)") }
        }
    }
}
