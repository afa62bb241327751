import Foundation
import ShopDialogue
import ShopCore

/// One customer's conversation: its dialogue manager (which holds the slot state and the
/// response-variant sequence) and the turns so far (for the console's exports and
/// corrections) behind a lock, so two requests on one session take turns.
/// A session keeps the models it started with; a reload affects sessions started after it.
final class ChatConversation: @unchecked Sendable {
    let id: String
    private let lock = NSLock()
    private let manager: DialogueManager
    private let intentSet: IntentSet
    private var recorder = ConversationRecorder()

    /// The recorder keeps the first this-many turns only, so a long-lived session cannot
    /// grow without bound (the exports then stop there).
    static let recordedTurns = 500

    init(id: String, models: ServiceModels, seed: UInt64) {
        self.id = id
        intentSet = models.intentSet
        manager = DialogueManager(intents: models.intentSet, classifier: models.intentModel, urgency: models.urgency, seed: seed)
    }

    func respond(_ message: String, language: Language?) -> DialogueTurn {
        lock.lock()
        defer { lock.unlock() }
        manager.forcedLanguage = language
        let turn = manager.respond(message)
        if recorder.entries.count < Self.recordedTurns { recorder.record(turn) }
        return turn
    }

    /// The conversation as a `.conv` test, customer data replaced by fictional data.
    func conversationTest(title: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        return recorder.script(title: title, redactor: Redactor(entities: intentSet.entities))
    }

    /// The conversation as a redacted transcript: one `customer:`/`assistant:` line per message,
    /// customer data replaced by tags such as `[PHONE]`.
    func redactedTranscript() -> String {
        lock.lock()
        defer { lock.unlock() }
        let redactor = Redactor(entities: intentSet.entities)
        func oneLine(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }
        var out = ""
        for e in recorder.entries {
            out += "customer: " + oneLine(redactor.redact(e.turn.message)) + "\n"
            out += "assistant: " + oneLine(redactor.redact(e.turn.reply)) + "\n"
        }
        return out
    }

    var turnCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return recorder.entries.count
    }

    /// Re-labels the last turn as `intent` (staff correction) and forgets what the wrong
    /// intent left pending; the last message, for the pending-examples file. nil: no turn yet.
    func correctLast(_ intent: String) -> DialogueTurn? {
        lock.lock()
        defer { lock.unlock() }
        guard let last = recorder.entries.last?.turn else { return nil }
        recorder.correct(intent)
        manager.forget(pendingOf: last.intent)
        return last
    }
}
