import Foundation
import Testing
@testable import ShopDialogue
import ShopCore

/// Urgency from a fixed table, so escalation tests do not depend on a model.
struct TableUrgency: UrgencyScoring {
    var scores: [String: Float]
    var name: String { "table" }
    func negativity(_ text: String) -> Float { scores[text] ?? 0 }
}

/// A classifier that is unsure between two intents for every message (except the answers).
struct UnsureClassifier: IntentClassifying {
    var intentNames: [String] { ["order_status", "greet"] }
    func classify(_ text: String) -> IntentPrediction {
        IntentPrediction(intent: "order_status", confidence: 0.45,
                         alternatives: [ScoredIntent(intent: "order_status", probability: 0.45),
                                        ScoredIntent(intent: "greet", probability: 0.35),
                                        ScoredIntent(intent: outOfScopeLabel, probability: 0.2)], rejected: false)
    }
    func explain(_ text: String) -> [WordWeight] { [] }
}

@Suite struct DialogueSafetyTests {
    static func manager(urgency: UrgencyScoring = LexiconUrgency(), classifier: IntentClassifying = KeywordClassifier.shop) throws -> DialogueManager {
        let set = try IntentSet.load(directory: try TestSupport.tinyIntentsDir())
        return DialogueManager(intents: set, classifier: classifier, urgency: urgency, seed: 1)
    }

    @Test func rememberedOrderIsConfirmedBeforeActing() throws {
        let m = try Self.manager()
        _ = m.respond("where is my order 2024031512345678")
        let ask = m.respond("please cancel it")
        #expect(ask.intent == "cancel_order")
        #expect(ask.confirming == "order_id")
        #expect(!ask.reply.contains("Cancelled"))
        let yes = m.respond("yes")
        #expect(yes.resolution == "confirmed")
        #expect(yes.reply.contains("Cancelled order 2024031512345678"))
    }

    @Test func declinedConfirmationAsksForTheOrderAgain() throws {
        let m = try Self.manager()
        _ = m.respond("订单2024031512345678到哪了")
        _ = m.respond("帮我取消")
        let no = m.respond("不是")
        #expect(no.askedSlot == "order_id")
        #expect(no.slots["order_id"] == nil)
        let other = m.respond("SO123456789")
        #expect(other.reply.contains("已取消订单 SO123456789"))
    }

    @Test func statedOrderActsAtOnceAndGroupedFormsNormalise() throws {
        let m = try Self.manager()
        let t = m.respond("cancel my order #SO-246813579")
        #expect(t.confirming == nil)
        #expect(t.slots["order_id"] == "SO246813579")
        #expect(t.reply.contains("Cancelled order SO246813579"))
    }

    @Test func wrongShapedAnswersAreReaskedTwiceThenAPersonIsOffered() throws {
        let m = try Self.manager()
        #expect(m.respond("where is my order").askedSlot == "order_id")
        let first = m.respond("13812345678")
        #expect(first.askedSlot == "order_id" && first.resolution == "re-ask")
        #expect(first.intent == "order_status")
        let second = m.respond("no idea really")
        #expect(second.askedSlot == "order_id")
        let third = m.respond("blah")
        #expect(third.reply.contains("person"))
        #expect(!third.handoff)
        let yes = m.respond("yes")
        #expect(yes.handoff)
    }

    @Test func bareOrderNumberOpeningAsksWhatToDoAndIsNotOutOfScope() throws {
        let m = try Self.manager()
        for _ in 0..<3 {
            m.reset()
            let t = m.respond("2024031512345678")
            #expect(t.intent == clarifyLabel)
            #expect(!t.handoff)
        }
        let next = m.respond("cancel it")
        #expect(next.confirming == nil)
        #expect(next.reply.contains("2024031512345678"))
    }

    @Test func unreadableOrderNumberIsNeverReplacedByTheRememberedOne() throws {
        let m = try Self.manager()
        _ = m.respond("where is order 2024031512345678")
        let t = m.respond("and order 2024-0315-1234?")
        #expect(t.resolution == "unreadable entity")
        #expect(t.askedSlot == "order_id")
        #expect(!t.reply.contains("2024031512345678"))
    }

    @Test func highUrgencyHandsOffWhateverTheIntentAndThenStaysQuietUntilReset() throws {
        let m = try Self.manager(urgency: TableUrgency(scores: ["what's the weather, you crooks": 0.9]))
        let t = m.respond("what's the weather, you crooks")
        #expect(t.handoff && t.escalated)
        let after = m.respond("where is my order 2024031512345678")
        #expect(after.afterHandoff)
        #expect(!after.handoff)
        #expect(!after.reply.contains("2024031512345678"))
        m.reset()
        #expect(m.respond("where is my order 2024031512345678").reply.contains("2024031512345678"))
    }

    @Test func calmComplaintIsNotEscalatedByTheWordComplaint() throws {
        let m = try Self.manager()
        let t = m.respond("我要投诉物流太慢了")
        #expect(t.intent == "complaint")
        #expect(!t.handoff && !t.escalated)
    }

    @Test func lowConfidenceAsksDidYouMeanAndTheAnswerResolves() throws {
        let m = try Self.manager(classifier: UnsureClassifier())
        let t = m.respond("hmm the thing")
        #expect(t.intent == clarifyLabel)
        #expect(t.choices.map(\.intent) == ["order_status", "greet"])
        let pick = m.respond("2")
        #expect(pick.intent == "greet")
        #expect(pick.resolution == "clarified")
    }

    @Test func outOfScopeNeverTouchesSlots() throws {
        let m = try Self.manager()
        _ = m.respond("where is order 2024031512345678")
        let t = m.respond("tell me a joke SO123456789")
        #expect(t.slots["order_id"] == "2024031512345678" || t.intent != outOfScopeLabel)
    }
}

@Suite struct YesNoTests {
    @Test func readsShortAnswersOnly() {
        let d = YesNoDetector()
        #expect(d.read("是的") == true)
        #expect(d.read("yes, that one") == true)
        #expect(d.read("不是") == false)
        #expect(d.read("nope") == false)
        #expect(d.read("yesterday I ordered a dress") == nil)
        #expect(d.read("是不是发错货了，我要的是红色的那件衣服") == nil)
    }
}

/// The shipped sentiment models through the typed API, and the escalation targets of issue 13
/// on the held-out complaint set (angry ≥ 90 % escalated, calm ≤ 10 %).
@Suite struct SentimentUrgencyTests {
    static let models = TestSupport.packageRoot + "/Models"

    @Test func shippedModelsAnswerTheTypedNegativeProbability() throws {
        let (scorer, note) = SentimentUrgency.shipped(folder: Self.models)
        #expect(note == nil)
        let s = try #require(scorer as? SentimentUrgency)
        let en = try #require(s.en)
        #expect(en.labelIndex(of: .negative) != nil)
        #expect((en.probability(of: .negative, in: "broken on arrival, awful, a waste of money") ?? 0) > 0.5)
        #expect((en.probability(of: .negative, in: "lovely dress, fits perfectly, great value") ?? 1) < 0.5)
        let zh = try #require(s.zh)
        #expect((zh.probability(of: .negative, in: "质量太差了，用了一天就坏了") ?? 0) > 0.5)
    }

    @Test func heldOutComplaintsMeetTheTargets() throws {
        let (scorer, _) = SentimentUrgency.shipped(folder: Self.models)
        let eval = try UrgencyEvaluation.read(TestSupport.packageRoot + "/Intents/eval/complaints.tsv")
        #expect(eval.rows.count >= 60)
        #expect(eval.rows.filter(\.angry).count * 2 == eval.rows.count)
        for lang in Language.allCases { #expect(eval.rows.contains { $0.language == lang }) }
        let r = eval.run(scorer, threshold: DialogueManager.defaultEscalationThreshold)
        #expect(r.angryRate >= 0.9, "angry escalated \(r.angryEscalated)/\(r.angryTotal)")
        #expect(r.calmRate <= 0.1, "calm escalated \(r.calmEscalated)/\(r.calmTotal)")
    }
}
