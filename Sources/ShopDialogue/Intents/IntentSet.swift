import Foundation
import ShopCore
import ShopData

/// Everything the assistant knows, read from an `Intents/` folder: the intents of every
/// `*.xml` file (validated against `schema/intents.xsd`), the `oos` fallback and the
/// entities of `entities.xml` (validated against `schema/entities.xsd`).
public struct IntentSet: Sendable {
    public var intents: [IntentDefinition]
    public var entities: EntityExtractor
    public var directory: String

    public init(intents: [IntentDefinition], entities: EntityExtractor, directory: String = "") {
        self.intents = intents
        self.entities = entities
        self.directory = directory
    }

    /// Loads and validates a whole folder; throws `XMLProblem`/`XMLProblems` naming file and line.
    public static func load(directory: String) throws -> IntentSet {
        let fm = FileManager.default
        let dir = (directory as NSString).standardizingPath
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
            throw XMLProblem(file: dir, line: 0, reason: "cannot read intents folder")
        }
        let intentSchema = try XMLSchemaValidator(schemaPath: (dir as NSString).appendingPathComponent("schema/intents.xsd"))
        var intents: [IntentDefinition] = []
        var seen: [String: IntentDefinition] = [:]
        for name in names.sorted() where name.hasSuffix(".xml") && name != "entities.xml" {
            let path = (dir as NSString).appendingPathComponent(name)
            let doc = try intentSchema.parseAndValidate(path)
            for def in try IntentFileReader.read(doc) {
                if let other = seen[def.name] {
                    throw XMLProblem(file: path, line: def.line, reason: "intent '\(def.name)' is already defined in \(other.file):\(other.line)")
                }
                seen[def.name] = def
                intents.append(def)
            }
        }
        var entityDefs: [EntityDefinition] = []
        let entityPath = (dir as NSString).appendingPathComponent("entities.xml")
        if fm.fileExists(atPath: entityPath) {
            let schema = try XMLSchemaValidator(schemaPath: (dir as NSString).appendingPathComponent("schema/entities.xsd"))
            entityDefs = try EntityFileReader.read(try schema.parseAndValidate(entityPath))
        }
        let known = Set(entityDefs.map(\.name))
        for def in intents {
            for s in def.slots where !known.contains(s.entity) {
                throw XMLProblem(file: def.file, line: def.line, reason: "intent '\(def.name)': slot '\(s.name)' uses unknown entity '\(s.entity)'")
            }
        }
        return IntentSet(intents: intents, entities: EntityExtractor(definitions: entityDefs), directory: dir)
    }

    public func intent(named name: String) -> IntentDefinition? {
        intents.first { $0.name == name }
    }

    /// The intents that are not the `oos` fallback.
    public var inScope: [IntentDefinition] { intents.filter { $0.name != outOfScopeLabel } }

    /// Every example as a training pair (the `oos` examples labelled `oos`).
    public func trainingExamples() -> [LabeledUtterance] {
        var out: [LabeledUtterance] = []
        for def in intents {
            for lang in Language.allCases {
                for e in def.examples[lang] ?? [] { out.append(LabeledUtterance(intent: def.name, text: e)) }
            }
        }
        return out
    }
}
