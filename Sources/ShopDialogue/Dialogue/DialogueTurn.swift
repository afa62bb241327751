/// Everything about one turn: what was understood, the state after it and the reply.
/// Staff see it with `/debug`; transcripts and conversation tests read it.
public struct DialogueTurn: Sendable {
    public var message: String
    public var language: Language
    /// The classifier's raw output for the message.
    public var prediction: IntentPrediction
    /// The intent the assistant acted on (after slot filling and follow-up resolution; `oos` = fallback).
    public var intent: String
    /// How the intent was chosen: `classifier`, `pending slot`, `follow-up`.
    public var resolution: String
    public var entities: [Entity]
    /// Slot state after the turn.
    public var slots: [String: String]
    /// The required slot the reply asks for, if any.
    public var askedSlot: String?
    public var handoff: Bool
    /// Negativity of the message in [0, 1] and whether it escalated.
    public var urgency: Float
    public var escalated: Bool
    public var reply: String
    /// Which response variant was used (index into the intent's variants for the language), if any.
    public var variant: Int?
}
