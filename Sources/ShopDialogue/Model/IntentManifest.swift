import Foundation
import ShopData
import ShopCore

/// Writes the JSON manifest next to a shipped model: data, hyper-parameters, metrics,
/// checksum and the command that rebuilds it.
public enum IntentManifest {
    public static func write(model: IntentModel, modelPath: String, manifestPath: String, command: String,
                      seconds: Double, evalFiles: [(String, IntentMetrics)]) throws {
        let bytes = FileManager.default.contents(atPath: modelPath) ?? Data()
        var metrics: [String: Any] = [:]
        for (f, m) in evalFiles {
            var o: [String: Any] = ["accuracy": round4(m.accuracy), "macro_f1": round4(m.macroF1), "examples": m.total]
            if m.hasOutOfScope {
                o["in_scope_accuracy"] = round4(m.inScopeAccuracy)
                o["oos_recall"] = round4(m.outOfScopeRecall)
            }
            metrics[f] = o
        }
        let obj: [String: Any] = [
            "model": (modelPath as NSString).lastPathComponent,
            "format": "ModelArchive, kind \(IntentModelFile.archiveKind)",
            "format_version": Int(IntentModelFile.version),
            "bytes": bytes.count,
            "fnv1a64": FNV1a.hex64(bytes: bytes),
            "labels": model.labels,
            "info": model.info,
            "metrics": metrics,
            "train_seconds": (seconds * 10).rounded() / 10,
            "rebuild": "scripts/shopnlp " + command,
        ]
        let d = try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write(d + Data("\n".utf8), to: manifestPath)
    }

    public static func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}
