import ShopCore

/// Everything about one turn: what was understood, the state after it and the reply.
/// Staff see it with `/debug`; transcripts, conversation tests and the HTTP service read it.
public struct DialogueTurn: Sendable {
    public var message: String
    public var language: Language
    /// The classifier's raw output for the message.
    public var prediction: IntentPrediction
    /// The intent the assistant acted on (after slot filling and follow-up resolution; `oos` =
    /// fallback, `clarify` = the reply asks what the customer meant).
    public var intent: String
    /// How the intent was chosen: `classifier`, `pending slot`, `follow-up`, `entity evidence`,
    /// `confirmed`, `clarified`, `re-ask`, `unreadable entity`, `bare entity`, `escalation`, `handed off`.
    public var resolution: String
    public var entities: [Entity]
    /// Slot state after the turn.
    public var slots: [String: String]
    /// The slot the reply asks for, if any.
    public var askedSlot: String?
    public var handoff: Bool
    /// Negativity of the message in [0, 1] and whether it escalated.
    public var urgency: Float
    public var escalated: Bool
    public var reply: String
    /// Which response variant was used (index into the intent's variants for the language), if any.
    public var variant: Int?
    /// The slot whose remembered value the reply asks the customer to confirm before acting.
    public var confirming: String? = nil
    /// "Did you mean A or B?": the offered intents, best first, with their titles in the reply
    /// language (ready to show as buttons; answering with a title, 1/2 or A/B picks one).
    public var choices: [DialogueChoice] = []
    /// True when the conversation had already been handed to a person: the reply only says so.
    public var afterHandoff = false
}
