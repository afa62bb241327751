import Foundation
import Testing
@testable import ShopDialogue
import ShopData

@Suite struct RedactionTests {
    @Test func redactsCustomerData() {
        let r = Redactor()
        let out = r.redact("call 138-1234-5678 or +1 415-555-2671, mail li.ming@example.com, card 4111 1111 1111 1111, 寄到上海市浦东新区世纪大道100号 or 221 Baker Street, Apt 2")
        #expect(!out.contains("1234-5678"))
        #expect(!out.contains("555-2671"))
        #expect(!out.contains("li.ming"))
        #expect(!out.contains("4111"))
        #expect(!out.contains("世纪大道100号"))
        #expect(!out.contains("Baker"))
        #expect(out.contains("[PHONE]") && out.contains("[EMAIL]") && out.contains("[CARD]") && out.contains("[ADDRESS]"))
    }

    @Test func keepsOrderNumbersAndOrdinaryText() {
        let r = Redactor()
        let s = "订单 2024031512345678 什么时候到 / where is SO123456789"
        #expect(r.redact(s) == s)
    }

    @Test func transcriptLinesAreRedactedJSON() throws {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        let m = DialogueManager(intents: set, classifier: KeywordClassifier.shop)
        let path = NSTemporaryDirectory() + "t-\(UUID().uuidString).jsonl"
        let log = try TranscriptLog(path: path, redactor: Redactor(entities: set.entities))
        try log.write(m.respond("hello, my phone is 13812345678 and mail a.b@example.com"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("13812345678"))
        #expect(!text.contains("a.b@example.com"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2) // run_start + the turn
        let obj = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(obj?["intent"] as? String == "greet")
        #expect(obj?["reply"] != nil && obj?["confidence"] != nil)
    }
}

@Suite struct TranscriptMarkerTests {
    @Test func everyLineHasTimeRunAndConversationAndResetsAreMarked() throws {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        let m = DialogueManager(intents: set, classifier: KeywordClassifier.shop)
        let path = NSTemporaryDirectory() + "t-\(UUID().uuidString).jsonl"
        let fixed = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            let log = try TranscriptLog(path: path, redactor: Redactor(entities: set.entities), runID: "runA", clock: { fixed })
            try log.write(m.respond("hello"))
            try log.markReset()
            m.reset()
            try log.write(m.respond("地址改成上海市浦东新区世纪大道100号，订单2024031512345678"))
        }
        let second = try TranscriptLog(path: path, redactor: nil, runID: "runB", clock: { fixed })
        try second.write(m.respond("hi"))
        let objs = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objs.count == 6)
        for o in objs {
            #expect(o["ts"] as? String == "2027-01-15T08:00:00.000Z")
            #expect(o["run"] is String && o["conversation"] is String)
        }
        #expect(objs.map { $0["event"] as? String } == ["run_start", nil, "reset", nil, "run_start", nil])
        #expect(objs.map { $0["conversation"] as? String } == ["runA/1", "runA/1", "runA/1", "runA/2", "runB/1", "runB/1"])
        #expect(!((objs[3]["message"] as? String) ?? "").contains("世纪大道"))
        #expect(((objs[3]["message"] as? String) ?? "").contains("2024031512345678"))
    }
}

@Suite struct ConversationRunnerTests {
    @Test func reportsFailingTurn() throws {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        let m = DialogueManager(intents: set, classifier: KeywordClassifier.shop)
        let script = """
        # conversation: order with slot
        > 我的订单到哪了
        = intent order_status
        = asks order_id
        > 2024031512345678
        = slot order_id 2024031512345678
        ~ 2024031512345678
        = lang zh
        # conversation: wrong expectation
        > hello
        = intent order_status
        """
        let scripts = try ConversationScript.parse(script, file: "x.conv")
        #expect(scripts.count == 2)
        let results = ConversationTestRunner().run(scripts, with: m)
        #expect(results.count == 3)
        #expect(results[0].passed && results[1].passed)
        #expect(!results[2].passed)
        #expect(results[2].line == 10)
        #expect(results[2].failures.first?.contains("line 11") == true)
    }

    @Test func unknownLineIsAFormatError() {
        #expect(throws: XMLProblem.self) { try ConversationScript.parse("> hi\n? what\n", file: "y.conv") }
    }
}
