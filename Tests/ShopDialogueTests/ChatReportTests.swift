import Foundation
import Testing
import ShopCore
@testable import ShopDialogue

/// The chat command's reports (`--urgency-eval`, `/explain`) and the intent manifest.
@Suite struct ChatReportTests {
    @Test func urgencyReportGivesRatesAndMisses() {
        var r = UrgencyEvaluation.Result()
        r.angryTotal = 4; r.angryEscalated = 3; r.calmTotal = 2; r.calmEscalated = 0
        let text = ChatUrgencyReport.render(file: "c.tsv", result: r, threshold: 0.5, scorer: "lexicon")
        #expect(text == "c.tsv (lexicon, threshold 0.50): angry escalated 3/4 = 75.0%, calm escalated 0/2 = 0.0%")
    }

    @Test func weightedWordsStrongestFirstBySize() {
        let words = [WordWeight(word: "我", weight: 0.02), WordWeight(word: "退货", weight: -0.41), WordWeight(word: "快", weight: 0.3)]
        #expect(ChatDebugView.weightedWords(words) == "退货(-0.41) 快(0.30) 我(0.02)")
    }

    @Test func intentManifestRecordsModelChecksumAndMetrics() throws {
        let model = try IntentModelTests.trained()
        let dir = NSTemporaryDirectory() + "intentmanifest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let modelPath = dir + "/intent.model", manifestPath = dir + "/intent.manifest.json"
        try IntentModelFile.save(model, to: modelPath)
        let metrics = model.evaluate(IntentModelTests.data)
        try IntentManifest.write(model: model, modelPath: modelPath, manifestPath: manifestPath, command: "intent train --out x",
                                 seconds: 1.26, evalFiles: [("eval.tsv", metrics)])
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: manifestPath))) as? [String: Any])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: modelPath))
        #expect(object["fnv1a64"] as? String == FNV1a.hex64(bytes: bytes))
        #expect(object["bytes"] as? Int == bytes.count)
        #expect(object["train_seconds"] as? Double == 1.3)
        #expect(object["rebuild"] as? String == "scripts/shopnlp intent train --out x")
        let eval = try #require((object["metrics"] as? [String: Any])?["eval.tsv"] as? [String: Any])
        #expect(eval["examples"] as? Int == IntentModelTests.data.count)
        #expect(eval["accuracy"] as? Double == (metrics.accuracy * 10000).rounded() / 10000)
    }
}
