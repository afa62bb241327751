import Foundation
import Testing
@testable import ShopDialogue

@Suite struct IntentModelTests {
    static let data: [LabeledUtterance] = {
        var d: [LabeledUtterance] = []
        let sets: [(String, [String])] = [
            ("refund", ["i want my money back", "refund please", "how do i get a refund", "give me a refund", "money back for my order",
                        "我要退款", "退款怎么办", "钱什么时候退", "申请退款", "退钱给我"]),
            ("shipping", ["when will it ship", "shipping time", "how long is delivery", "when does it arrive", "delivery takes how long",
                          "什么时候发货", "多久能到", "几天到货", "快递要几天", "发货时间"]),
            ("greet", ["hello", "hi there", "good morning", "hey", "hello there",
                       "你好", "您好", "在吗", "早上好", "哈喽"]),
            ("oos", ["what's the weather", "tell me a joke", "who won the game", "play some music", "what time is it",
                     "今天天气", "讲个笑话", "股票行情", "放首歌", "现在几点"]),
        ]
        for (label, texts) in sets { for t in texts { d.append(LabeledUtterance(intent: label, text: t)) } }
        return d
    }()

    static func trained() throws -> IntentModel {
        var t = IntentTrainer()
        t.holdout = 0 // tiny data: no calibration split
        return try t.train(data)
    }

    @Test func classifiesUnseenPhrasings() throws {
        let m = try Self.trained()
        #expect(m.classify("can I get a refund for this").intent == "refund")
        #expect(m.classify("退款什么时候到").intent == "refund")
        #expect(m.classify("how many days until it ships").intent == "shipping")
        #expect(m.classify("tell me a funny joke").intent == "oos")
        let p = m.classify("hello!")
        #expect(p.intent == "greet")
        // The three alternatives are the three likeliest of the four classes, best first,
        // the first being the prediction; the left-out class has what remains of 1 and is
        // no likelier than the third.
        let probs = p.alternatives.map(\.probability)
        #expect(p.alternatives.count == 3)
        #expect(Set(p.alternatives.map(\.intent)).count == 3)
        #expect(p.alternatives.first?.intent == "greet")
        #expect(probs.first == p.confidence)
        #expect(probs == probs.sorted(by: >))
        #expect(probs.allSatisfy { $0 > 0 && $0 <= 1 })
        let rest = 1 - probs.reduce(0, +)
        #expect(rest >= -1e-5 && rest <= probs[2] + 1e-5)
    }

    @Test func thresholdRejectsLowConfidence() throws {
        var m = try Self.trained()
        let before = m.classify("hello")
        #expect(before.intent == "greet" && !before.rejected)
        m.threshold = before.confidence + 0.001
        let p = m.classify("hello")
        #expect(p.rejected && p.intent == "oos")
    }

    @Test func saveLoadRoundTripAndCorruptionIsDetected() throws {
        let m = try Self.trained()
        let path = NSTemporaryDirectory() + "intent-\(UUID().uuidString).model"
        try IntentModelFile.save(m, to: path)
        let back = try IntentModelFile.load(path)
        #expect(back.labels == m.labels)
        for u in Self.data.prefix(12) {
            #expect(back.classify(u.text).intent == m.classify(u.text).intent)
        }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 5] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IntentModelError.self) { try IntentModelFile.load(path) }
        try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: path))
        #expect(throws: IntentModelError.self) { try IntentModelFile.load(path) }
    }

    @Test func metricsCountOutOfScope() {
        let m = IntentMetrics(gold: ["a", "a", "b", "oos", "oos"], predicted: ["a", "b", "b", "oos", "a"])
        #expect(abs(m.accuracy - 0.6) < 1e-9)
        #expect(abs(m.inScopeAccuracy - 2.0 / 3.0) < 1e-9)
        #expect(abs(m.outOfScopeRecall - 0.5) < 1e-9)
        #expect(m.hasOutOfScope)
    }

    @Test func tsvErrorsNameLine() throws {
        let path = NSTemporaryDirectory() + "bad-\(UUID().uuidString).tsv"
        try "greet\thello\nno tab here\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try IntentTSV.read(path)
            Issue.record("a line without a tab must fail")
        } catch {
            #expect("\(error)".contains(":2"))
        }
    }
}
