import Foundation
import ShopCore

/// Replays scripted conversations through a `DialogueManager` (fresh state per conversation)
/// and checks every expectation of every turn.
public struct ConversationTestRunner {
    /// The outcome of one user turn.
    public struct TurnResult: Sendable {
        public var conversation: String
        public var file: String
        public var line: Int
        public var message: String
        public var reply: String
        /// Failed expectations, each described with its line.
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    public init() {}

    public func run(_ scripts: [ConversationScript], with manager: DialogueManager) -> [TurnResult] {
        var out: [TurnResult] = []
        for script in scripts {
            manager.reset()
            for t in script.turns {
                let turn = manager.respond(t.message)
                var failures: [String] = []
                for (exp, line) in t.expectations {
                    if let f = check(exp, turn) { failures.append("line \(line): \(f)") }
                }
                out.append(TurnResult(conversation: script.title, file: script.file, line: t.line,
                                      message: t.message, reply: turn.reply, failures: failures))
            }
        }
        return out
    }

    /// nil when the expectation holds, else why not.
    func check(_ exp: ConversationScript.Expectation, _ turn: DialogueTurn) -> String? {
        switch exp {
        case .intent(let name):
            return turn.intent == name ? nil
                : "expected intent \(name), got \(turn.intent) (classifier: \(turn.prediction.intent) \(String(format: "%.2f", turn.prediction.confidence)), \(turn.resolution))"
        case .asks(let slot):
            return turn.askedSlot == slot ? nil : "expected the reply to ask for \(slot), it asked for \(turn.askedSlot ?? "nothing")"
        case .slot(let name, let value):
            return turn.slots[name] == value ? nil : "expected slot \(name) = \(value), got \(turn.slots[name] ?? "nothing")"
        case .handoff:
            return turn.handoff ? nil : "expected a hand-off to a human agent"
        case .language(let l):
            let got = Language.of(turn.reply)
            return got == l ? nil : "expected a reply in \(l.rawValue), got \(got.rawValue)"
        case .contains(let text):
            return turn.reply.lowercased().contains(text.lowercased()) ? nil : "expected the reply to contain '\(text)'"
        case .confirms(let slot):
            return turn.confirming == slot ? nil : "expected the reply to confirm \(slot) before acting, it confirmed \(turn.confirming ?? "nothing")"
        case .choices(let names):
            let got = turn.choices.map(\.intent)
            return got == names ? nil : "expected choices \(names.joined(separator: " ")), got \(got.isEmpty ? "none" : got.joined(separator: " "))"
        case .escalated:
            return turn.escalated ? nil : "expected an escalation (urgency \(String(format: "%.2f", turn.urgency)))"
        case .notHandoff:
            return turn.handoff ? "expected no hand-off, the turn handed off (urgency \(String(format: "%.2f", turn.urgency)))" : nil
        case .notEscalated:
            return turn.escalated ? "expected no escalation, urgency was \(String(format: "%.2f", turn.urgency))" : nil
        case .notIntent(let name):
            return turn.intent == name ? "expected any intent but \(name)" : nil
        case .notSlot(let name):
            return turn.slots[name].map { "expected slot \(name) to be empty, it holds \($0)" }
        case .notContains(let text):
            return turn.reply.lowercased().contains(text.lowercased()) ? "expected the reply not to contain '\(text)'" : nil
        }
    }
}
