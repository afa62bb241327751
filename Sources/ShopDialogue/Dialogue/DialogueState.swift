/// What the assistant remembers within one conversation.
public struct DialogueState: Sendable, Equatable {
    /// Slot values collected so far, by slot name (kept across turns and intents).
    public var slots: [String: String] = [:]
    /// An intent waiting for a required slot, and which slot was asked for.
    public var pendingIntent: String?
    public var pendingSlot: String?
    /// The last intent answered (for "and the other order?" follow-ups).
    public var lastIntent: String?
    /// Out-of-scope messages in a row.
    public var consecutiveFailures = 0
    /// The language of the last reply (a bare order number keeps the conversation's language).
    public var language: Language?
    public var turns = 0
    public var handedOff = false

    public init() {}
}
