import Foundation
import Testing
import ShopCore
import ShopNeural
import ShopSentiment
import ShopTokenize
@testable import ShopDialogue

/// `ModelUpgrade` (what `shopnlp model upgrade` runs): files of each earlier format become
/// archives that hold the same numbers and predict the same; bad input is a named error.
@Suite struct ModelUpgradeTests {
    static func scratch(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopupgrade-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func intentModelOfTheEarlierFormatBecomesAnArchive() throws {
        let model = try IntentModelTests.trained()
        let old = Self.scratch("intent-old.model"), new = Self.scratch("intent-new.model")
        try Data(try LegacyIntentFile.encode(model)).write(to: URL(fileURLWithPath: old))
        let report = try ModelUpgrade.run(input: old, output: new)
        #expect(report.kind == .intent && report.from == "SNLPINTM")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: new)))
        #expect(Array(bytes.prefix(8)) == ModelArchive.magic && report.bytesOut == bytes.count)
        let a = try IntentModelFile.load(old), b = try IntentModelFile.load(new)
        #expect(a.wide.weights == b.wide.weights)
        for text in IntentModelFormatTests.probes { #expect(a.classify(text) == b.classify(text), "\(text)") }
    }

    /// The committed fuzz seeds are SHOPSENT files, one with float32 weights: the upgrade keeps
    /// that precision (no weight is rounded to float16).
    @Test(arguments: ["small-f16.model", "small-f32.model"])
    func sentimentModelOfTheEarlierFormatBecomesAnArchive(seed: String) throws {
        let old = (ResourcePaths.packageFolder("Fuzz") as NSString).appendingPathComponent("seeds/sentiment/" + seed)
        let new = Self.scratch("sentiment-" + seed)
        let report = try ModelUpgrade.run(input: old, output: new)
        #expect(report.kind == .sentiment && report.from == "SHOPSENT")
        let a = try SentimentModelFile.read(old), b = try SentimentModelFile.read(new)
        #expect(a.scorer.weights == b.scorer.weights && a.scorer.bias == b.scorer.bias)
        for text in ["很好 great value", "不满意 broken", "一般"] { #expect(a.predict(text) == b.predict(text), "\(text)") }
    }

    /// An archive re-saved is the same file byte for byte (the shipped segmenter is one).
    @Test func currentSegmenterArchiveResavesToTheSameBytes() throws {
        let shipped = try #require(SegmenterModel.defaultPath())
        let out = Self.scratch("segmenter.bin")
        let report = try ModelUpgrade.run(input: shipped, output: out)
        #expect(report.kind == .segmenter && report.from == "ModelArchive")
        #expect(try Data(contentsOf: URL(fileURLWithPath: shipped)) == Data(contentsOf: URL(fileURLWithPath: out)))
    }

    @Test func inPlaceUpgradeAndBadInput() throws {
        let path = Self.scratch("inplace.model")
        try Data(try LegacyIntentFile.encode(try IntentModelTests.trained())).write(to: URL(fileURLWithPath: path))
        _ = try ModelUpgrade.run(input: path, output: path)
        #expect(try ModelUpgrade.run(input: path, output: path).from == "ModelArchive")

        let junk = Self.scratch("junk.model")
        try Data("not a model at all".utf8).write(to: URL(fileURLWithPath: junk))
        #expect(throws: ModelUpgradeError(file: junk, reason: "not a sentiment, intent or segmenter model file (unknown magic bytes)")) {
            _ = try ModelUpgrade.run(input: junk, output: Self.scratch("never.model"))
        }
        #expect(!FileManager.default.fileExists(atPath: Self.scratch("never.model")))
        #expect(throws: ModelUpgradeError.self) { _ = try ModelUpgrade.run(input: Self.scratch("missing.model"), output: junk) }
    }
}
