import Foundation

/// Keeps the turns of the current conversation for staff tooling: `/correct INTENT`
/// re-labels the last one, `/save-test FILE` writes them as a `.conv` conversation test.
public struct ConversationRecorder: Sendable {
    /// One recorded turn: what the assistant did, and the intent staff say it should have been.
    public struct Entry: Sendable {
        public var turn: DialogueTurn
        public var corrected: String?
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func record(_ turn: DialogueTurn) { entries.append(Entry(turn: turn, corrected: nil)) }
    public mutating func reset() { entries = [] }

    /// Re-labels the last turn; false when there is none.
    @discardableResult
    public mutating func correct(_ intent: String) -> Bool {
        guard !entries.isEmpty else { return false }
        entries[entries.count - 1].corrected = intent
        return true
    }

    /// The conversation as `.conv` text: each message with its intent (the corrected one where
    /// staff corrected it), asked/confirmed slot, slots filled in that turn, hand-off and reply
    /// language. With a redactor, customer data in messages is replaced by fictional data of the
    /// same kind (`Redactor.fictional`) and customer-data slots are not pinned.
    public func script(title: String, redactor: Redactor?) -> String {
        var lines = ["# conversation: \(title)"]
        var before: [String: String] = [:]
        for e in entries {
            let t = e.turn
            lines.append("> " + oneLine(redactor.map { Redactor.withFictionalData($0.redact(t.message)) } ?? t.message))
            if let c = e.corrected {
                lines.append("= intent \(c)")
                lines.append("# corrected by staff: the assistant said \(t.intent)")
            } else {
                lines.append("= intent \(t.intent)")
                if let a = t.askedSlot { lines.append("= asks \(a)") }
                if let c = t.confirming { lines.append("= confirms \(c)") }
                for (k, v) in t.slots.sorted(by: { $0.key < $1.key }) where before[k] != v {
                    if redactor != nil && (TranscriptLog.sensitiveSlots[k] != nil || redactor!.redact(v) != v) { continue }
                    lines.append("= slot \(k) \(v)")
                }
                lines.append(t.handoff ? "= handoff" : "!handoff")
                if t.escalated { lines.append("= escalated") }
            }
            lines.append("= lang \(t.language.rawValue)")
            before = t.slots
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
