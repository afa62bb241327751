import Foundation
import ShopData

/// Lints human-written copy against the compliance lists (`shopnlp describe --check FILE`):
/// one text per line, or a JSON Lines field. An unreadable line is reported on stderr with
/// its number and counted; the rest goes on.
public enum CopyLint {
    /// What a lint run found.
    public struct Summary: Sendable, Equatable {
        /// One line per banned term: `file:line:column: banned term '…' (rule): excerpt`.
        public var report: String
        public var texts: Int
        public var hits: Int
        /// Lines that could not be read (not UTF-8, no such JSON field).
        public var problems: Int

        /// The closing count line.
        public var countLine: String {
            "\(texts) texts checked, \(hits) banned terms\(problems > 0 ? ", \(problems) lines unreadable" : "")"
        }
    }

    /// Lints `path` (`-`: stdin); `field` picks the JSON Lines text field (also implied by a
    /// `.jsonl` name, default `text`); `compliance` is a list folder (nil: the default lists).
    public static func run(path: String, field: String?, compliance: String?) throws -> Summary {
        let list = try compliance.map { try ComplianceList.load(directory: $0) } ?? ComplianceList.loadDefault()
        let checker = ComplianceChecker(list: list)
        let lines = try LineReader(InputSource(argument: path))
        let jsonl = field != nil || path.lowercased().hasSuffix(".jsonl")
        var hits = 0, texts = 0, problems = 0
        var report = ""
        while let raw = try lines.nextLine() {
            guard var text = String(validating: raw.bytes, as: UTF8.self) else {
                FileHandle.standardError.write(Data("\(lines.name):\(raw.number): invalid UTF-8, line skipped\n".utf8))
                problems += 1
                continue
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            if jsonl {
                let key = field ?? "text"
                guard let o = (try? JSONSerialization.jsonObject(with: Data(raw.bytes))) as? [String: Any],
                      let t = o[key] as? String else {
                    FileHandle.standardError.write(Data("\(lines.name):\(raw.number): field '\(key)': no such text field, line skipped\n".utf8))
                    problems += 1
                    continue
                }
                text = t
            }
            texts += 1
            for h in checker.hits(in: text, line: raw.number) {
                hits += 1
                report += "\(lines.name):\(h.line):\(h.column): banned term '\(h.matched)' (\(h.rule)): \(excerpt(text, column: h.column))\n"
            }
        }
        return Summary(report: report, texts: texts, hits: hits, problems: problems)
    }

    /// Up to 12 characters either side of the hit.
    static func excerpt(_ text: String, column: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let lo = max(0, column - 1 - 12), hi = min(scalars.count, column - 1 + 16)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[lo..<hi])
        return (lo > 0 ? "…" : "") + String(v) + (hi < scalars.count ? "…" : "")
    }
}
