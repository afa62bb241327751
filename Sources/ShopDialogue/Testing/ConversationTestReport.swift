import Foundation
import ShopData

/// Runs `.conv` files (or folders of them) and reports per turn, as text for the terminal
/// and as JUnit XML for CI (`chat --test … --junit FILE`).
public struct ConversationTestReport: Sendable {
    public var files: [String]
    public var scripts: [ConversationScript]
    public var results: [ConversationTestRunner.TurnResult]

    public var failedTurns: Int { results.filter { !$0.passed }.count }
    public var passed: Bool { failedTurns == 0 }

    /// Expands folders (their `*.conv`, sorted); a path that does not exist is "no such file".
    public static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for f in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: f, isDirectory: &isDir) else { throw XMLProblem(file: f, line: 0, reason: "no such file") }
            if isDir.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: f)) ?? []
                out += names.filter { $0.hasSuffix(".conv") }.sorted().map { (f as NSString).appendingPathComponent($0) }
            } else {
                out.append(f)
            }
        }
        return out
    }

    public static func run(paths: [String], manager: DialogueManager) throws -> ConversationTestReport {
        let files = try expand(paths)
        var scripts: [ConversationScript] = []
        for p in files { scripts += try ConversationScript.parse(file: p) }
        return ConversationTestReport(files: files, scripts: scripts, results: ConversationTestRunner().run(scripts, with: manager))
    }

    /// FAIL lines (every turn with `verbose`) and the summary lines CI greps for.
    public func text(verbose: Bool) -> String {
        var lines: [String] = []
        var failedConversations = Set<String>()
        for r in results {
            if r.passed {
                if verbose { lines.append("PASS \(r.file):\(r.line) [\(r.conversation)] > \(r.message)") }
            } else {
                failedConversations.insert(r.file + "#" + r.conversation)
                lines.append("FAIL \(r.file):\(r.line) [\(r.conversation)] > \(r.message)")
                for f in r.failures { lines.append("     \(f)") }
                lines.append("     reply: \(r.reply)")
            }
        }
        let failed = failedTurns
        lines.append("conversation tests: \(results.count - failed)/\(results.count) turns passed, \(scripts.count - failedConversations.count)/\(scripts.count) conversations passed (\(files.count) files)")
        // The plain closing line CI runners recognise: turns passed and failed.
        lines.append("turns: \(results.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n")
    }

    /// JUnit XML: one `<testsuite>` per file, one `<testcase>` per conversation, a `<failure>`
    /// listing its failed turns.
    public func junitXML() -> String {
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                   "<testsuites name=\"shopnlp chat --test\" tests=\"\(scripts.count)\" failures=\"\(failedConversationCount)\">"]
        for file in files {
            let convs = scripts.filter { $0.file == file }
            let failing = convs.filter { c in results.contains { $0.file == file && $0.conversation == c.title && !$0.passed } }
            out.append("  <testsuite name=\"\(Self.escape(file))\" tests=\"\(convs.count)\" failures=\"\(failing.count)\">")
            for c in convs {
                let turns = results.filter { $0.file == file && $0.conversation == c.title }
                let bad = turns.filter { !$0.passed }
                let name = Self.escape("\(c.title) (line \(c.line))")
                if bad.isEmpty {
                    out.append("    <testcase classname=\"\(Self.escape(file))\" name=\"\(name)\"/>")
                } else {
                    out.append("    <testcase classname=\"\(Self.escape(file))\" name=\"\(name)\">")
                    let detail = bad.map { r in "line \(r.line) > \(r.message)\n" + r.failures.map { "  " + $0 }.joined(separator: "\n") + "\n  reply: \(r.reply)" }
                        .joined(separator: "\n")
                    out.append("      <failure message=\"\(bad.count) of \(turns.count) turns failed\">\(Self.escape(detail))</failure>")
                    out.append("    </testcase>")
                }
            }
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

    private var failedConversationCount: Int {
        Set(results.filter { !$0.passed }.map { $0.file + "#" + $0.conversation }).count
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
