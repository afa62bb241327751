import Foundation
import ShopData

/// Reads `intent<TAB>utterance` files (the shared corpora's split format).
public enum IntentTSV {
    public static func read(_ path: String) throws -> [LabeledUtterance] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, reason: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: path, reason: "not valid UTF-8")
        }
        var out: [LabeledUtterance] = []
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let tab = l.firstIndex(of: "\t") else {
                throw DataError(file: path, line: lineNo, field: "intent", reason: "expected 'intent<TAB>utterance', found no tab")
            }
            let label = String(l[..<tab]).trimmingCharacters(in: .whitespaces)
            let utt = String(l[l.index(after: tab)...]).trimmingCharacters(in: .whitespaces)
            if label.isEmpty { throw DataError(file: path, line: lineNo, field: "intent", reason: "empty intent label") }
            if utt.isEmpty { throw DataError(file: path, line: lineNo, field: "utterance", reason: "empty utterance") }
            out.append(LabeledUtterance(intent: label, text: utt))
        }
        return out
    }
}
