import Foundation
import ShopCore
import ShopData

/// A scripted conversation from an `Intents/tests/*.conv` file (format: `Intents/tests/FORMAT.md`).
public struct ConversationScript: Sendable {
    /// One expectation about the most recent user turn.
    public enum Expectation: Sendable, Equatable {
        case intent(String)
        case asks(String)
        case slot(String, String)
        case handoff
        case language(Language)
        case contains(String)
        /// The reply asks to confirm the remembered value of this slot before acting.
        case confirms(String)
        /// The reply offers these intents ("did you mean A or B?"), in this order.
        case choices([String])
        case escalated
        /// Negative checks (`!…`): the opposite must hold.
        case notHandoff
        case notEscalated
        case notIntent(String)
        case notSlot(String)
        case notContains(String)
    }

    public struct Turn: Sendable {
        public var message: String
        public var line: Int
        public var expectations: [(Expectation, Int)]
    }

    public var title: String
    public var file: String
    public var line: Int
    public var turns: [Turn]

    /// Parses a file into conversations; an unknown line is an error with file and line.
    public static func parse(file: String) throws -> [ConversationScript] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else {
            throw XMLProblem(file: file, line: 0, reason: "no such file")
        }
        guard !isDir.boolValue, let data = FileManager.default.contents(atPath: file) else {
            throw XMLProblem(file: file, line: 0, reason: "cannot read conversation test file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            // Name the first line that is not UTF-8 (issue 20: the error said ":0").
            let lines = data.split(separator: 10, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0
            throw XMLProblem(file: file, line: bad + 1, reason: "invalid UTF-8")
        }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws -> [ConversationScript] {
        var out: [ConversationScript] = []
        var lineNo = 0
        func current() -> Int {
            if out.isEmpty { out.append(ConversationScript(title: "(untitled)", file: file, line: lineNo, turns: [])) }
            return out.count - 1
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if body.hasPrefix("conversation:") {
                    let title = body.dropFirst("conversation:".count).trimmingCharacters(in: .whitespaces)
                    out.append(ConversationScript(title: title, file: file, line: lineNo, turns: []))
                }
                continue
            }
            if line.hasPrefix(">") {
                let msg = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard !msg.isEmpty else { throw XMLProblem(file: file, line: lineNo, reason: "empty user turn") }
                out[current()].turns.append(Turn(message: msg, line: lineNo, expectations: []))
                continue
            }
            let c = current()
            guard !out[c].turns.isEmpty else {
                throw XMLProblem(file: file, line: lineNo, reason: "expectation before any '>' user turn")
            }
            let exp: Expectation
            if line.hasPrefix("!") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                let parts = body.split(separator: " ", maxSplits: 1).map(String.init)
                switch (parts.first, parts.count) {
                case ("handoff", 1): exp = .notHandoff
                case ("escalated", 1): exp = .notEscalated
                case ("intent", 2): exp = .notIntent(parts[1].trimmingCharacters(in: .whitespaces))
                case ("slot", 2): exp = .notSlot(parts[1].trimmingCharacters(in: .whitespaces))
                case ("~", 2): exp = .notContains(parts[1].trimmingCharacters(in: .whitespaces))
                default:
                    throw XMLProblem(file: file, line: lineNo, reason: "unknown negative check '\(line)' (!handoff, !escalated, !intent NAME, !slot NAME, !~ TEXT)")
                }
            } else if line.hasPrefix("~") {
                let t = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard !t.isEmpty else { throw XMLProblem(file: file, line: lineNo, reason: "empty '~' text") }
                exp = .contains(t)
            } else if line.hasPrefix("=") {
                let parts = line.dropFirst().trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2).map(String.init)
                switch (parts.first, parts.count) {
                case ("intent", 2): exp = .intent(parts[1])
                case ("asks", 2): exp = .asks(parts[1])
                case ("slot", 3): exp = .slot(parts[1], parts[2].trimmingCharacters(in: .whitespaces))
                case ("handoff", 1): exp = .handoff
                case ("escalated", 1): exp = .escalated
                case ("confirms", 2): exp = .confirms(parts[1])
                case ("choices", 2), ("choices", 3):
                    exp = .choices(parts.dropFirst().joined(separator: " ").split(separator: " ").map(String.init))
                case ("lang", 2):
                    guard let l = Language(rawValue: parts[1]) else {
                        throw XMLProblem(file: file, line: lineNo, reason: "unknown language '\(parts[1])' (zh or en)")
                    }
                    exp = .language(l)
                default:
                    throw XMLProblem(file: file, line: lineNo, reason: "unknown expectation '\(line)' (intent NAME, asks SLOT, slot NAME VALUE, handoff, escalated, confirms SLOT, choices A B, lang zh|en)")
                }
            } else {
                throw XMLProblem(file: file, line: lineNo, reason: "unrecognised line '\(line)' (expected '#', '>', '=', '!' or '~')")
            }
            out[c].turns[out[c].turns.count - 1].expectations.append((exp, lineNo))
        }
        return out.filter { !$0.turns.isEmpty }
    }
}
