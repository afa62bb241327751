import Foundation

/// The texts of one corpus file, whatever its kind, for dedup and overlap audits:
/// `label<TAB>text` TSV (the text column), SemEval-2014 XML (the sentences), or plain
/// lines (SIGHAN raw and gold segmentation files; the key drops the gold's spaces, so
/// both forms of a sentence share one key). Invalid UTF-8 is an error naming file:line.
public enum CorpusTexts {
    /// Calls `body` with each text of `path` in file order.
    public static func forEach(in path: String, _ body: (String) throws -> Void) throws {
        if path.hasSuffix(".xml") {
            for r in try SemEvalReader(path: path) { try body(try r.get().text) }
            return
        }
        let reader = try LineReader(path: path)
        let isTSV = path.hasSuffix(".tsv")
        while let raw = try reader.nextLine() {
            guard let line = String(validating: raw.bytes, as: UTF8.self) else {
                throw DataError(file: path, line: raw.number, reason: "invalid UTF-8")
            }
            if line.isEmpty { continue }
            if isTSV {
                guard let tab = line.firstIndex(of: "\t") else {
                    throw DataError(file: path, line: raw.number, field: "text", reason: "expected label<TAB>text, found no tab")
                }
                try body(String(line[line.index(after: tab)...]))
            } else {
                try body(line)
            }
        }
    }

    /// All texts of `path`.
    public static func load(_ path: String) throws -> [String] {
        var out: [String] = []
        try forEach(in: path) { out.append($0) }
        return out
    }

    /// The key set of every text in `paths`.
    public static func keys(_ paths: [String]) throws -> TextKeySet {
        var set = TextKeySet()
        for p in paths { try forEach(in: p) { set.insert(text: $0) } }
        return set
    }
}
