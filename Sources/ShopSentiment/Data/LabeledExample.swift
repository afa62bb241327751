import Foundation
import ShopData

/// A training/evaluation example after label mapping.
public struct LabeledExample: Sendable, Equatable {
    public var label: String
    public var text: String
    public var line: Int

    public init(label: String, text: String, line: Int = 0) {
        self.label = label
        self.text = text
        self.line = line
    }

    /// Reads labelled examples: SemEval-2014 ABSA XML (`.xml`: sentences whose aspect terms
    /// agree on a polarity) or TSV (anything else).
    public static func read(_ path: String, mapping: LabelMapping) throws -> (examples: [LabeledExample], dropped: Int) {
        if path.lowercased().hasSuffix(".xml") {
            var out: [LabeledExample] = []
            var dropped = 0
            for s in try ABSASentence.read(path) {
                if let p = s.sentencePolarity { out.append(LabeledExample(label: p, text: s.text, line: s.line)) } else { dropped += 1 }
            }
            return (out, dropped)
        }
        return try readTSV(path, mapping: mapping)
    }

    /// Reads `label<TAB>text` lines. Examples whose label maps to nil are dropped (and
    /// counted); a line without a tab is an error naming file and line. With
    /// `starsToPolarity`, a file whose labels are all `0`/`1` is read as binary polarity.
    public static func readTSV(_ path: String, mapping: LabelMapping) throws -> (examples: [LabeledExample], dropped: Int) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SentimentError.data(path: path, line: nil, reason: "cannot read file")
        }
        let rows = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var mapping = mapping
        if mapping.starsToPolarity {
            let binary = rows.allSatisfy { r in
                guard let tab = r.firstIndex(of: 9) else { return true }
                let l = r[r.startIndex..<tab]
                return l.elementsEqual("0".utf8) || l.elementsEqual("1".utf8)
            }
            if binary { mapping.starsToPolarity = false }
        }
        var out: [LabeledExample] = []
        var dropped = 0
        var lineNo = 0
        for raw in rows {
            lineNo += 1
            if raw.isEmpty || raw.allSatisfy({ $0 == 13 || $0 == 32 }) { continue }
            guard let tab = raw.firstIndex(of: 9) else {
                throw SentimentError.data(path: path, line: lineNo, reason: "expected label<TAB>text")
            }
            let label = String(decoding: raw[raw.startIndex..<tab], as: UTF8.self)
            var text = String(decoding: raw[(tab + 1)...], as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            guard let mapped = mapping.map(label), !text.isEmpty else { dropped += 1; continue }
            out.append(LabeledExample(label: mapped, text: HTMLText.plainText(text), line: lineNo))
        }
        return (out, dropped)
    }
}
