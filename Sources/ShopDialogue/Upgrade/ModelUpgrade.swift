import ShopCore
import Foundation
import ShopData
import ShopNeural
import ShopSentiment
import ShopTokenize

/// Re-saves a model file of an earlier format (`SHOPSENT` sentiment, `SNLPINTM` intent,
/// `SHOPSEG` segmenter) in the current one, a ShopNeural `ModelArchive`: what
/// `shopnlp model upgrade` runs. The file is read with the owning module's loader (which keeps
/// the old readers), re-encoded, the new bytes decoded again and refused unless that model has
/// the same numbers as the old one (so an upgraded file predicts exactly what the old one
/// did), and only then written, atomically.
public enum ModelUpgrade {
    /// Which model a file holds.
    public enum Kind: String, Sendable {
        case sentiment, intent, segmenter
    }

    /// What one upgrade did.
    public struct Report: Sendable, Equatable {
        public var kind: Kind
        /// The input's format: `SHOPSENT`, `SNLPINTM`, `SHOPSEG` or `ModelArchive`.
        public var from: String
        public var bytesIn: Int
        public var bytesOut: Int

        /// One line for the terminal.
        public var summary: String {
            "\(kind.rawValue) model: \(from) (\(bytesIn) bytes) -> ModelArchive (\(bytesOut) bytes), same weights"
        }
    }

    /// Reads `input` (any format its loader knows) and writes it to `output` (may be the same
    /// path) in the current format.
    public static func run(input: String, output: String) throws -> Report {
        guard let data = FileManager.default.contents(atPath: input) else {
            throw ModelUpgradeError(file: input, reason: "cannot read file")
        }
        let (kind, from) = try identify([UInt8](data.prefix(4096)), file: input)
        let written: Data
        switch kind {
        case .sentiment: written = try upgradeSentiment(data, input: input, output: output)
        case .intent: written = try upgradeIntent(data, input: input, output: output)
        case .segmenter: written = try upgradeSegmenter(data, input: input, output: output)
        }
        return Report(kind: kind, from: from, bytesIn: data.count, bytesOut: written.count)
    }

    /// The model kind and format of a file from its first bytes (an archive's kind is in its
    /// metadata, near the start).
    static func identify(_ head: [UInt8], file: String) throws -> (Kind, String) {
        let magic = String(decoding: head.prefix(8), as: UTF8.self)
        switch magic {
        case "SHOPSENT": return (.sentiment, "SHOPSENT")
        case "SNLPINTM": return (.intent, "SNLPINTM")
        case "SHOPSEG\0": return (.segmenter, "SHOPSEG")
        case "SHOPNLPM":
            let text = String(decoding: head, as: UTF8.self)
            for (kind, archiveKind) in [(Kind.sentiment, SentimentModelFile.archiveKind),
                                        (.intent, IntentModelFile.archiveKind),
                                        (.segmenter, SegmenterModel.archiveKind)]
            where text.contains("{\"kind\":\"\(archiveKind)\",") {
                return (kind, "ModelArchive")
            }
            throw ModelUpgradeError(file: file, reason: "a ModelArchive of a kind that has no earlier format; nothing to upgrade")
        default:
            throw ModelUpgradeError(file: file, reason: "not a sentiment, intent or segmenter model file (unknown magic bytes)")
        }
    }

    static func upgradeSentiment(_ data: Data, input: String, output: String) throws -> Data {
        let old = try SentimentModelFile.decode(data, path: input)
        // Float16 when it holds every weight exactly (as the old files' float16 weights do),
        // else float32: the upgrade never rounds a weight.
        let exact16 = old.scorer.weights.allSatisfy { Float(Float16($0)) == $0 }
        let bytes = try SentimentModelFile.encode(old, float32: !exact16)
        let new = try SentimentModelFile.decode(bytes, path: output)
        try same(output, [("labels", old.labels == new.labels), ("info", old.info == new.info),
                          ("feature keys", old.vocabulary.keys == new.vocabulary.keys),
                          ("n-gram weights", old.scorer.weights == new.scorer.weights),
                          ("biases", old.scorer.bias == new.scorer.bias), ("deep weight", old.deepWeight == new.deepWeight),
                          ("deep path", sameDeep(old.deep?.path, new.deep?.path))])
        try write(bytes, to: output)
        return bytes
    }

    static func upgradeIntent(_ data: Data, input: String, output: String) throws -> Data {
        let old = try IntentModelFile.decode([UInt8](data), path: input)
        let bytes = try IntentModelFile.encode(old)
        let new = try IntentModelFile.decode([UInt8](bytes), path: output)
        let a = old.wide.vectorizer, b = new.wide.vectorizer
        let sameDeepPath = try sameIntentDeep(old.deep, new.deep)
        try same(output, [("labels", old.labels == new.labels), ("terms", a.terms == b.terms), ("idf", a.idf == b.idf),
                          ("weights", old.wide.weights == new.wide.weights),
                          ("temperature", old.temperature == new.temperature), ("threshold", old.threshold == new.threshold),
                          ("deep weight", old.deepWeight == new.deepWeight), ("info", old.info == new.info),
                          ("deep path", sameDeepPath)])
        try write(bytes, to: output)
        return bytes
    }

    static func upgradeSegmenter(_ data: Data, input: String, output: String) throws -> Data {
        let old = try SegmenterModel.decode([UInt8](data), path: input)
        let bytes = try old.encoded()
        let new = try SegmenterModel.decode([UInt8](bytes), path: output)
        try same(output, [("weights", old.hasSameWeights(as: new))])
        try write(bytes, to: output)
        return bytes
    }

    static func write(_ data: Data, to path: String) throws {
        do { try AtomicFile.write(data, to: path) } catch {
            throw ModelUpgradeError(file: path, reason: "cannot write: \(error)")
        }
    }

    /// Throws naming every check that failed.
    static func same(_ path: String, _ checks: [(String, Bool)]) throws {
        let failed = checks.filter { !$0.1 }.map(\.0)
        if !failed.isEmpty {
            throw ModelUpgradeError(file: path, reason: "the re-encoded model differs from the original (\(failed.joined(separator: ", "))); nothing written")
        }
    }

    static func sameDeep(_ a: DeepTextPath?, _ b: DeepTextPath?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.hasSameWeights(as: b)
    }

    /// The trained deep path by its weights; another `DeepIntentPath` (a stub) by its bytes.
    static func sameIntentDeep(_ a: DeepIntentPath?, _ b: DeepIntentPath?) throws -> Bool {
        if let x = a as? NeuralIntentPath, let y = b as? NeuralIntentPath { return sameDeep(x.path, y.path) }
        return try a?.serialized() == b?.serialized()
    }
}
