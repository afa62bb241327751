import Foundation
import ShopData
import ShopCore

/// Finds and loads the copy ranking LMs: an explicit file (one language), or the default
/// `Models/copy-lm-zh.snm` and `Models/copy-lm-en.snm` when present (used by `describe` and its benchmark).
public enum DescribeModelLoader {
    public static func defaultPath(_ language: Language) -> String {
        (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("copy-lm-\(language.rawValue).snm")
    }

    public static func load(explicit: String?) throws -> LMFluencyScorer? {
        let paths = explicit.map { $0.split(separator: ",").map(String.init) }
            ?? Language.allCases.map(defaultPath).filter { FileManager.default.fileExists(atPath: $0) }
        if explicit == nil && paths.isEmpty { return nil }
        // Each file on its own thread: one after the other, the two default LMs were the
        // longest part of `describe`'s start-up. The first failure in `paths` order is thrown.
        let loaded = ResultSlots<Result<CopyLanguageModel, Error>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            loaded.set(i, Result { try CopyLanguageModel.load(from: paths[i]) })
        }
        return LMFluencyScorer(models: try loaded.values().map { try $0.get() })
    }
}
