/// A yes/no question the assistant asked.
public enum PendingConfirmation: Sendable, Equatable {
    /// "Order X — is that the one?" before acting on `intent` with the remembered `slot` value.
    case slot(intent: String, slot: String, value: String)
    /// "Shall I connect you to a person?" after repeated wrong-shaped answers.
    case handoff
}
