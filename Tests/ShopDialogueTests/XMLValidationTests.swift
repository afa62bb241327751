import Foundation
import Testing
@testable import ShopDialogue
import ShopData

@Suite struct XMLValidationTests {
    @Test func tinyFolderLoadsAndValidates() throws {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        #expect(set.intents.map(\.name).sorted() == ["cancel_order", "complaint", "greet", "human_agent", "oos", "order_status"])
        let order = try #require(set.intent(named: "order_status"))
        #expect(order.requiredSlots.map(\.name) == ["order_id"])
        #expect(order.slots[0].prompts[.zh] == "请提供订单号。")
        #expect(order.examples[.en]?.count == 4)
        #expect(set.intent(named: "human_agent")?.handoff == .always)
        #expect(set.trainingExamples().filter { $0.intent == "oos" }.count == 6)
    }

    @Test func schemaErrorNamesFileAndLine() throws {
        let dir = try TestSupport.tinyIntentsDir()
        // line 4: an <intent> without the required domain attribute
        let bad = """
        <?xml version="1.0" encoding="UTF-8"?>
        <intents xmlns="https://shopnlp.example/intents" version="1">
          <!-- the next intent has no domain -->
          <intent name="broken">
            <examples lang="en"><example>hi</example></examples>
            <response lang="en"><variant>hello</variant></response>
          </intent>
        </intents>
        """
        try bad.write(toFile: dir + "/broken.xml", atomically: true, encoding: .utf8)
        do {
            _ = try IntentSet.load(directory: dir)
            Issue.record("a file without a domain attribute must not load")
        } catch let e as XMLProblems {
            let p = try #require(e.problems.first)
            #expect(p.file.hasSuffix("broken.xml"))
            #expect(p.line == 4)
            #expect(p.reason.contains("domain"))
            #expect(e.description.contains("broken.xml:4:"))
        }
    }

    @Test func malformedXMLNamesLine() throws {
        let dir = try TestSupport.tinyIntentsDir()
        let bad = "<?xml version=\"1.0\"?>\n<intents xmlns=\"https://shopnlp.example/intents\" version=\"1\">\n  <intent name=\"x\" domain=\"y\">\n</intents>\n"
        try bad.write(toFile: dir + "/bad.xml", atomically: true, encoding: .utf8)
        #expect(throws: XMLProblems.self) { try IntentSet.load(directory: dir) }
        do { _ = try IntentSet.load(directory: dir) } catch let e as XMLProblems {
            #expect(e.problems.contains { $0.file.hasSuffix("bad.xml") && $0.line == 4 })
        }
    }

    @Test func unknownSlotPlaceholderIsRejected() throws {
        let dir = try TestSupport.tinyIntentsDir()
        let body = TestSupport.intent("refund", zh: ["退款"], en: ["refund"], zhReply: "退款 {order_id}", enReply: "refund {order_id}")
        try TestSupport.intentXML(body).write(toFile: dir + "/refund.xml", atomically: true, encoding: .utf8)
        #expect(throws: XMLProblem.self) { try IntentSet.load(directory: dir) }
    }

    @Test func duplicateIntentAcrossFilesIsRejected() throws {
        let dir = try TestSupport.tinyIntentsDir()
        let body = TestSupport.intent("greet", zh: ["嗨"], en: ["yo"], zhReply: "嗨", enReply: "yo")
        try TestSupport.intentXML(body).write(toFile: dir + "/again.xml", atomically: true, encoding: .utf8)
        do {
            _ = try IntentSet.load(directory: dir)
            Issue.record("duplicate intent must not load")
        } catch let e as XMLProblem {
            #expect(e.reason.contains("already defined"))
        }
    }

    @Test func shippedIntentsValidate() throws {
        let dir = TestSupport.packageRoot + "/Intents"
        let set = try IntentSet.load(directory: dir)
        #expect(!set.intents.isEmpty)
        for def in set.inScope {
            #expect(!(def.examples[.zh] ?? []).isEmpty, "\(def.name) has no zh examples")
            #expect(!(def.examples[.en] ?? []).isEmpty, "\(def.name) has no en examples")
        }
    }
}
