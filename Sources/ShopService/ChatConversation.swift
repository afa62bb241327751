import Foundation
import ShopDialogue
import ShopCore

/// One customer's conversation: its dialogue manager (which holds the slot state and the
/// response-variant sequence) behind a lock, so two requests on one session take turns.
/// A session keeps the models it started with; a reload affects sessions started after it.
final class ChatConversation: @unchecked Sendable {
    let id: String
    private let lock = NSLock()
    private let manager: DialogueManager

    init(id: String, models: ServiceModels, seed: UInt64) {
        self.id = id
        manager = DialogueManager(intents: models.intentSet, classifier: models.intentModel, urgency: models.urgency, seed: seed)
    }

    func respond(_ message: String, language: Language?) -> DialogueTurn {
        lock.lock()
        defer { lock.unlock() }
        manager.forcedLanguage = language
        return manager.respond(message)
    }
}
