import Foundation
import Testing
import ShopCore
import ShopNeural
@testable import ShopDialogue

/// Version 2 intent model files are ModelArchives; files of the earlier SNLPINTM format
/// (like the shipped model) still load, and classify the same once re-saved.
@Suite struct IntentModelFormatTests {
    static let probes = ["refund please", "when will it ship", "你好", "今天天气", "I want my money back now", "快递要几天"]

    @Test func newFilesAreModelArchivesThatRoundTrip() throws {
        let m = try IntentModelTests.trained()
        let data = try IntentModelFile.encode(m)
        let archive = try ModelArchive.decode(data, file: "m.model")
        #expect(archive.kind == IntentModelFile.archiveKind)
        #expect(try archive.tensor(named: "idf").values == m.wide.vectorizer.idf)
        let back = try IntentModelFile.decode([UInt8](data), path: "m.model")
        #expect(back.labels == m.labels)
        #expect(back.wide.vectorizer.terms == m.wide.vectorizer.terms)
        #expect(back.wide.weights == m.wide.weights.map { Float(Float16($0)) })
        #expect(back.temperature == m.temperature && back.threshold == m.threshold && back.info == m.info)
    }

    @Test func anOldFormatFileLoadsAsTheNewOneDoes() throws {
        let m = try IntentModelTests.trained()
        let old = try IntentModelFile.decode(try LegacyIntentFile.encode(m), path: "old.model")
        let new = try IntentModelFile.decode([UInt8](try IntentModelFile.encode(m)), path: "new.model")
        #expect(old.wide.weights == new.wide.weights)
        for text in Self.probes { #expect(old.classify(text) == new.classify(text), "\(text)") }
    }

    /// The shipped model is an archive (re-saved by `shopnlp model upgrade`, with its deep
    /// path); written in the earlier format (SNLPINTM v1) and read back, it classifies the
    /// same, bit for bit.
    @Test func shippedModelIsAnArchiveAndSurvivesTheEarlierFormat() throws {
        let path = (ResourcePaths.packageFolder("Models") as NSString).appendingPathComponent("intent.model")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(8)) == ModelArchive.magic, "\(path) is expected to be a ModelArchive")
        let shipped = try IntentModelFile.decode(bytes, path: path)
        #expect(shipped.deep != nil)
        let legacy = try LegacyIntentFile.encode(shipped)
        #expect(Array(legacy.prefix(8)) == Array("SNLPINTM".utf8))
        let reread = try IntentModelFile.decode(legacy, path: "legacy.model")
        #expect(reread.deep != nil && reread.deepWeight == shipped.deepWeight)
        for text in Self.probes { #expect(reread.classify(text) == shipped.classify(text), "\(text)") }
    }

    @Test func damageAndForgeriesAreIntentModelErrors() throws {
        let m = try IntentModelTests.trained()
        let data = [UInt8](try IntentModelFile.encode(m))
        var flipped = data
        flipped[data.count / 2] ^= 0x10
        #expect(throws: IntentModelError.self) { try IntentModelFile.decode(flipped, path: "bad.model") }
        #expect(throws: IntentModelError.self) { try IntentModelFile.decode(Array(data.prefix(60)), path: "bad.model") }
        // Headers rewritten (the archive re-encoded, so its checksum holds) must still be refused.
        func forged(_ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
            var archive = try ModelArchive.decode(Data(data), file: "x")
            var header = try #require(try JSONSerialization.jsonObject(with: archive.appMetadata) as? [String: Any])
            edit(&header)
            archive.appMetadata = try JSONSerialization.data(withJSONObject: header)
            return [UInt8](try archive.encoded())
        }
        #expect(throws: Never.self) { try IntentModelFile.decode(try forged { _ in }, path: "ok.model") }
        let edits: [(inout [String: Any]) -> Void] = [
            { $0["terms"] = ["only", "two"] },
            { $0["labels"] = ["a"] },
            { $0["labels"] = [String]() },
            { $0["version"] = 3 },
            { $0["temperature"] = 0 },
            { $0.removeValue(forKey: "terms") },
        ]
        for edit in edits {
            #expect(throws: IntentModelError.self) { try IntentModelFile.decode(try forged(edit), path: "forged.model") }
        }
    }
}
