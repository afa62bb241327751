import ArgumentParser
import Foundation
import ShopCopywriting
import ShopData

/// `shopnlp describe --check FILE`: lints human-written copy against the compliance lists.
enum DescribeCheck {
    static func run(path: String, field: String?, compliance: String?) throws {
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
        FileHandle.standardOutput.write(Data(report.utf8))
        FileHandle.standardError.write(Data("\(texts) texts checked, \(hits) banned terms\(problems > 0 ? ", \(problems) lines unreadable" : "")\n".utf8))
        if hits > 0 || problems > 0 { throw ExitCode(1) }
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
