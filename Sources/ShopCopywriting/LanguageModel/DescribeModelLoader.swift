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
        if let explicit {
            return LMFluencyScorer(models: try explicit.split(separator: ",").map { try CopyLanguageModel.load(from: String($0)) })
        }
        var models: [CopyLanguageModel] = []
        for lang in Language.allCases {
            let path = defaultPath(lang)
            if FileManager.default.fileExists(atPath: path) { models.append(try CopyLanguageModel.load(from: path)) }
        }
        return models.isEmpty ? nil : LMFluencyScorer(models: models)
    }
}
