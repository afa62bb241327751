import Foundation

/// The `/debug` block shown under a reply.
public enum ChatDebugView {
    public static func render(_ t: DialogueTurn) -> String {
        var lines: [String] = []
        let alts = t.prediction.alternatives.map { "\($0.intent) \(String(format: "%.2f", $0.probability))" }.joined(separator: ", ")
        lines.append("  intent: \(t.intent) via \(t.resolution) | classifier: \(t.prediction.intent) \(String(format: "%.2f", t.prediction.confidence))\(t.prediction.rejected ? " (rejected)" : "")")
        lines.append("  alternatives: \(alts)")
        lines.append("  entities: " + (t.entities.isEmpty ? "-" : t.entities.map { "\($0.type)=\($0.value)" }.joined(separator: ", ")))
        lines.append("  slots: " + (t.slots.isEmpty ? "-" : t.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
                     + (t.askedSlot.map { " | asks: \($0)" } ?? ""))
        lines.append("  lang: \(t.language.rawValue) | variant: \(t.variant.map(String.init) ?? "-") | urgency: \(String(format: "%.2f", t.urgency))\(t.escalated ? " ESCALATED" : "")\(t.handoff ? " | HANDOFF" : "")")
        return lines.joined(separator: "\n")
    }

    /// Words with weights, strongest first: `退货(0.41) 我(0.02) …`.
    public static func weightedWords(_ w: [WordWeight]) -> String {
        w.enumerated().sorted { abs($0.element.weight) > abs($1.element.weight) }
            .map { "\($0.element.word)(\(String(format: "%.2f", $0.element.weight)))" }
            .joined(separator: " ")
    }
}
