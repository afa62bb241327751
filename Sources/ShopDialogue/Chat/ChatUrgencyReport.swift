import Foundation

/// Prints an escalation measurement (`chat --urgency-eval`).
public enum ChatUrgencyReport {
    public static func render(file: String, result r: UrgencyEvaluation.Result, threshold: Float, scorer: String) -> String {
        var lines = [String(format: "%@ (%@, threshold %.2f): angry escalated %d/%d = %.1f%%, calm escalated %d/%d = %.1f%%",
                            file, scorer, threshold, r.angryEscalated, r.angryTotal, 100 * r.angryRate,
                            r.calmEscalated, r.calmTotal, 100 * r.calmRate)]
        for (row, s) in r.misses {
            lines.append(String(format: "  %@ line %d (%@, %.2f): %@", row.angry ? "MISSED" : "FALSE ", row.line, row.language.rawValue, s, row.text))
        }
        return lines.joined(separator: "\n")
    }
}
