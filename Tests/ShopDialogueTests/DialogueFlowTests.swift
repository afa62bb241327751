import Foundation
import Testing
@testable import ShopDialogue

@Suite struct DialogueFlowTests {
    static func manager() throws -> DialogueManager {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        return DialogueManager(intents: set, classifier: KeywordClassifier.shop, seed: 1)
    }

    @Test func asksForMissingSlotThenAnswers() throws {
        let m = try Self.manager()
        let t1 = m.respond("我的订单到哪了")
        #expect(t1.intent == "order_status")
        #expect(t1.askedSlot == "order_id")
        #expect(t1.reply == "请提供订单号。")
        let t2 = m.respond("2024031512345678")
        #expect(t2.intent == "order_status")
        #expect(t2.resolution == "pending slot")
        #expect(t2.language == .zh) // a bare number keeps the conversation's language
        #expect(t2.slots["order_id"] == "2024031512345678")
        #expect(t2.reply.contains("2024031512345678"))
    }

    @Test func slotIsKeptForLaterTurns() throws {
        let m = try Self.manager()
        _ = m.respond("where is my order SO123456789")
        let t = m.respond("track my order please")
        #expect(t.askedSlot == nil)
        #expect(t.reply.contains("SO123456789"))
    }

    @Test func otherOrderFollowUp() throws {
        let m = try Self.manager()
        _ = m.respond("订单2024031512345678到哪了")
        let withoutNumber = m.respond("那另一个订单呢")
        #expect(withoutNumber.intent == "order_status")
        #expect(withoutNumber.resolution == "follow-up")
        #expect(withoutNumber.askedSlot == "order_id")
        let withNumber = m.respond("SO987654321")
        #expect(withNumber.slots["order_id"] == "SO987654321")
        #expect(withNumber.reply.contains("SO987654321"))
        let en = m.respond("and the other one, SO111222333?")
        #expect(en.intent == "order_status")
        #expect(en.language == .en)
        #expect(en.reply.contains("SO111222333"))
    }

    @Test func threeOutOfScopeInARowHandOff() throws {
        let m = try Self.manager()
        #expect(m.respond("what's the weather").handoff == false)
        #expect(m.respond("tell me a joke").handoff == false)
        let third = m.respond("stock price")
        #expect(third.handoff)
        #expect(third.reply.contains("Transferring"))
    }

    @Test func angryComplaintEscalatesCalmOneDoesNot() throws {
        let m = try Self.manager()
        let calm = m.respond("I want to complain about the box")
        #expect(calm.intent == "complaint")
        #expect(calm.handoff == false)
        m.reset()
        let angry = m.respond("This is a SCAM, terrible service, I want to complain!!")
        #expect(angry.escalated)
        #expect(angry.handoff)
    }

    @Test func humanAgentHandsOff() throws {
        let m = try Self.manager()
        let t = m.respond("转人工")
        #expect(t.handoff)
        #expect(t.language == .zh)
    }

    @Test func variantChoiceReproducesAfterReset() throws {
        let m = try Self.manager()
        let first = (0..<6).map { _ in m.respond("hello").variant }
        m.reset()
        let again = (0..<6).map { _ in m.respond("hello").variant }
        #expect(first == again)
        #expect(Set(first.compactMap { $0 }).count == 2) // both variants get used
    }
}

/// A classifier that always rejects but ranks order_status second, to test entity evidence.
struct RejectingClassifier: IntentClassifying {
    var intentNames: [String] { ["order_status", "greet"] }
    func classify(_ text: String) -> IntentPrediction {
        IntentPrediction(intent: outOfScopeLabel, confidence: 0.4,
                         alternatives: [ScoredIntent(intent: outOfScopeLabel, probability: 0.4),
                                        ScoredIntent(intent: "order_status", probability: 0.3),
                                        ScoredIntent(intent: "greet", probability: 0.2)], rejected: true)
    }
    func explain(_ text: String) -> [WordWeight] { [] }
}

@Suite struct EntityEvidenceTests {
    @Test func rejectedMessageWithOrderNumberGoesToRunnerUp() throws {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        let m = DialogueManager(intents: set, classifier: RejectingClassifier())
        let t = m.respond("blah blah 2024031512345678 blah")
        #expect(t.intent == "order_status")
        #expect(t.resolution == "entity evidence")
        #expect(t.reply.contains("2024031512345678"))
        let plain = m.respond("blah blah blah")
        #expect(plain.intent == "oos")
    }
}
