import Foundation
import ShopData

/// Turns a transcript (`chat --log`, JSON lines) into `.conv` conversation tests
/// (`chat --log-to-tests LOG`): one conversation per transcript conversation id, each
/// message with the intent, asked slot, hand-off and reply language it got. Messages are
/// as logged (redacted), with fictional data in place of the tags (`Redactor.fictional`),
/// so the tests carry no customer data and still replay like the original.
public enum TranscriptTests {
    public static func convert(path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw XMLProblem(file: path, line: 0, reason: "no such file") }
        guard let d = FileManager.default.contents(atPath: path), let text = String(data: d, encoding: .utf8) else {
            throw XMLProblem(file: path, line: 0, reason: "cannot read transcript as UTF-8")
        }
        var order: [String] = []
        var turns: [String: [[String: Any]]] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let o = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw XMLProblem(file: path, line: i + 1, reason: "not a JSON object")
            }
            if o["event"] != nil { continue }
            guard let message = o["message"] as? String, let intent = o["intent"] as? String else {
                throw XMLProblem(file: path, line: i + 1, reason: "turn without 'message' or 'intent'")
            }
            _ = (message, intent)
            let conv = o["conversation"] as? String ?? "conversation"
            if turns[conv] == nil { order.append(conv) }
            turns[conv, default: []].append(o)
        }
        var out: [String] = ["# Conversation tests generated from \((path as NSString).lastPathComponent) by `shopnlp chat --log-to-tests`.",
                             "# They pin what the assistant did; review each expectation before committing.", ""]
        for conv in order {
            out.append("# conversation: \(conv)")
            var before: [String: String] = [:]
            for o in turns[conv] ?? [] {
                let message = Redactor.withFictionalData((o["message"] as? String ?? "").replacingOccurrences(of: "\n", with: " "))
                out.append("> " + message)
                out.append("= intent \(o["intent"] as? String ?? "")")
                if let a = o["asks"] as? String { out.append("= asks \(a)") }
                if let c = o["confirms"] as? String { out.append("= confirms \(c)") }
                let slots = o["slots"] as? [String: String] ?? [:]
                for (k, v) in slots.sorted(by: { $0.key < $1.key }) where before[k] != v && !v.contains("[") {
                    out.append("= slot \(k) \(v)")
                }
                before = slots
                out.append((o["handoff"] as? Bool ?? false) ? "= handoff" : "!handoff")
                if let l = o["lang"] as? String { out.append("= lang \(l)") }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
