import Foundation
import Testing
@testable import ShopDialogue
import ShopData

@Suite struct StaffToolingTests {
    static func manager() throws -> DialogueManager {
        DialogueManager(intents: try IntentSet.load(directory: try TestSupport.tinyIntentsDir()), classifier: KeywordClassifier.shop, seed: 1)
    }

    static func temp(_ ext: String) -> String { NSTemporaryDirectory() + "tool-\(UUID().uuidString).\(ext)" }

    @Test func savedConversationReplaysAndCorrectionIsPinned() throws {
        let m = try Self.manager()
        var rec = ConversationRecorder()
        for msg in ["我的订单到哪了", "2024031512345678", "my phone is 13812345678, hello"] { rec.record(m.respond(msg)) }
        let corrected = rec.correct("order_status")
        #expect(corrected)
        let text = rec.script(title: "t", redactor: Redactor())
        #expect(text.contains("= asks order_id"))
        #expect(text.contains("= slot order_id 2024031512345678"))
        #expect(!text.contains("13812345678"))
        #expect(text.contains("# corrected by staff: the assistant said greet"))
        let path = Self.temp("conv")
        try ConversationFile.append(text, to: path)
        try ConversationFile.append(text, to: path)
        let scripts = try ConversationScript.parse(file: path)
        #expect(scripts.count == 2)
        let results = ConversationTestRunner().run(scripts, with: m)
        // the corrected turn fails until the model learns it; the rest replays
        #expect(results.count == 6)
        #expect(results.filter { !$0.passed }.map(\.message) == ["my phone is 415-555-0100, hello", "my phone is 415-555-0100, hello"])
    }

    @Test func pendingExamplesStayValidXMLAcrossAppends() throws {
        let path = Self.temp("xml")
        try PendingExamples.append(intent: "order_status", domain: "orders", language: .zh, text: "我的快递<在哪>", redactor: Redactor(), to: path)
        try PendingExamples.append(intent: "greet", domain: "smalltalk", language: .en, text: "yo, call 13812345678", redactor: Redactor(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "<intent ").count == 3)
        #expect(text.contains("我的快递&lt;在哪&gt;"))
        #expect(!text.contains("13812345678"))
        #expect(XMLDocument.isWellFormed(text))
    }

    @Test func transcriptBecomesConversationTests() throws {
        let m = try Self.manager()
        let log = Self.temp("jsonl")
        let t = try TranscriptLog(path: log, redactor: Redactor(), runID: "r")
        try t.write(m.respond("where is my order"))
        try t.write(m.respond("SO123456789"))
        try t.markReset()
        m.reset()
        try t.write(m.respond("转人工"))
        let conv = try TranscriptTests.convert(path: log)
        let scripts = try ConversationScript.parse(conv, file: "x.conv")
        #expect(scripts.map(\.title) == ["r/1", "r/2"])
        m.reset()
        let replay = ConversationTestRunner().run(scripts, with: m)
        #expect(replay.allSatisfy { $0.passed })
        #expect(throws: XMLProblem.self) { try TranscriptTests.convert(path: Self.temp("missing")) }
    }

    @Test func negativeChecksAndJUnit() throws {
        let m = try Self.manager()
        let path = Self.temp("conv")
        try """
        # conversation: quiet after hand-off
        > 转人工
        = handoff
        > where is my order 2024031512345678
        !handoff
        !intent order_status
        !~ 2024031512345678
        # conversation: deliberately failing
        > hello
        !intent greet
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try ConversationTestReport.run(paths: [path], manager: m)
        #expect(report.failedTurns == 1)
        let xml = report.junitXML()
        #expect(xml.contains("tests=\"2\" failures=\"1\""))
        #expect(xml.contains("<failure message=\"1 of 1 turns failed\">"))
        #expect(XMLDocument.isWellFormed(xml))
        do {
            _ = try ConversationTestReport.run(paths: [Self.temp("conv")], manager: m)
            Issue.record("a missing file must fail")
        } catch let e as XMLProblem {
            #expect(e.description.hasSuffix(": no such file"))
        }
        #expect(throws: XMLProblem.self) { try ConversationScript.parse("> hi\n!maybe\n", file: "z.conv") }
    }
}

