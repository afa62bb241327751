/// Tells how negative/angry a message is, in [0, 1]; the dialogue escalates angry complaints.
public protocol UrgencyScoring: Sendable {
    func negativity(_ text: String) -> Float
    /// Short name shown in `/debug` (which scorer decided).
    var name: String { get }
}
