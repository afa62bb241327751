import Foundation
import ShopCore
import ShopData

/// Measures escalation on a labelled complaint set (`Intents/eval/complaints*.tsv`:
/// `angry|calm<TAB>zh|en<TAB>message`, `#` comments): the share of angry complaints at or
/// above the threshold (should be high) and of calm ones (should be low).
public struct UrgencyEvaluation: Sendable {
    public struct Row: Sendable {
        public var angry: Bool
        public var language: Language
        public var text: String
        public var line: Int
    }

    public struct Result: Sendable {
        public var angryTotal = 0, angryEscalated = 0, calmTotal = 0, calmEscalated = 0
        /// Messages on the wrong side of the threshold, with their score.
        public var misses: [(Row, Float)] = []
        public var angryRate: Double { angryTotal == 0 ? 0 : Double(angryEscalated) / Double(angryTotal) }
        public var calmRate: Double { calmTotal == 0 ? 0 : Double(calmEscalated) / Double(calmTotal) }
    }

    public var rows: [Row]

    /// Reads the TSV; a malformed line is an error naming file and line.
    public static func read(_ path: String) throws -> UrgencyEvaluation {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw XMLProblem(file: path, line: 0, reason: "no such file (or not UTF-8)")
        }
        var rows: [Row] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard f.count == 3, ["angry", "calm"].contains(f[0]), let l = Language(rawValue: f[1]) else {
                throw XMLProblem(file: path, line: i + 1, reason: "want angry|calm<TAB>zh|en<TAB>message")
            }
            rows.append(Row(angry: f[0] == "angry", language: l, text: f[2], line: i + 1))
        }
        return UrgencyEvaluation(rows: rows)
    }

    public init(rows: [Row]) { self.rows = rows }

    public func run(_ scorer: UrgencyScoring, threshold: Float, language: Language? = nil) -> Result {
        var r = Result()
        for row in rows where language == nil || row.language == language {
            let s = scorer.negativity(row.text)
            let esc = s >= threshold
            if row.angry {
                r.angryTotal += 1
                if esc { r.angryEscalated += 1 } else { r.misses.append((row, s)) }
            } else {
                r.calmTotal += 1
                if esc { r.calmEscalated += 1; r.misses.append((row, s)) }
            }
        }
        return r
    }
}
