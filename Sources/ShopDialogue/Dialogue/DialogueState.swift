import ShopCore

/// What the assistant remembers within one conversation.
public struct DialogueState: Sendable, Equatable {
    /// Slot values collected so far, by slot name (kept across turns and intents).
    public var slots: [String: String] = [:]
    /// An intent waiting for a slot, and which slot was asked for (required, or an optional
    /// one a response asked for, like the new address).
    public var pendingIntent: String?
    public var pendingSlot: String?
    /// Wrong-shaped answers to the pending question so far (re-asked at most twice).
    public var slotAttempts = 0
    /// A yes/no question waiting for its answer.
    public var pendingConfirmation: PendingConfirmation?
    /// The intents offered in "did you mean A or B?", waiting for the choice.
    public var pendingChoices: [String]?
    /// Entities of a bare-entity message ("SO123456789" alone), kept for the next turn only.
    public var heldEntities: [Entity] = []
    public var heldAtTurn = 0
    /// The last intent answered (for "and the other order?" follow-ups).
    public var lastIntent: String?
    /// Out-of-scope messages in a row.
    public var consecutiveFailures = 0
    /// The language of the last reply (a bare order number keeps the conversation's language).
    public var language: Language?
    public var turns = 0
    /// Set by a hand-off: the assistant stays quiet (says a person will answer) until `reset()`.
    public var handedOff = false

    public init() {}
}
