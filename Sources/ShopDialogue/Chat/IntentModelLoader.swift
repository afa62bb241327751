import Foundation
import ShopData
import ShopCore

/// Finds and loads the intent model and the entities for the intent and chat commands.
public enum IntentModelLoader {
    /// The default model shipped in `Models/`.
    public static var defaultModelPath: String { (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("intent.model") }
    /// The default knowledge folder.
    public static var defaultIntentsPath: String { ResourcePaths.packageFolder("Intents") }

    public static func load(_ path: String?) throws -> IntentModel {
        let p = path ?? defaultModelPath
        guard FileManager.default.fileExists(atPath: p) else {
            throw IntentModelError.badModelFile(path: p, reason: path == nil
                ? "default intent model not found; build it with: scripts/shopnlp intent train --intents Intents --out Models/intent.model"
                : "model file not found")
        }
        return try IntentModelFile.load(p)
    }

    /// The entity extractor from an entities file's folder (default `Intents/`); nil when absent.
    public static func entityExtractor(_ entitiesFile: String?) throws -> EntityExtractor? {
        if let entitiesFile {
            let dir = (entitiesFile as NSString).deletingLastPathComponent
            return try EntityCatalog.load(file: entitiesFile, schema: (dir as NSString).appendingPathComponent("schema/entities.xsd"))
        }
        let def = (defaultIntentsPath as NSString).appendingPathComponent("entities.xml")
        guard FileManager.default.fileExists(atPath: def) else { return nil }
        return try EntityCatalog.load(file: def, schema: (defaultIntentsPath as NSString).appendingPathComponent("schema/entities.xsd"))
    }
}
