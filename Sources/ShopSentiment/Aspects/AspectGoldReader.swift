import Foundation

/// Reads an aspect evaluation set (`Corpora/aspects/eval/zh.tsv`): a header
/// `id source line category clause aspects`, then one clause per line; `aspects` is
/// `term:polarity:category` entries joined by `;`, or `-` for none. Every problem is a
/// `SentimentError.data` naming the file, the line and the field.
public enum AspectGoldReader {
    public static let header = ["id", "source", "line", "category", "clause", "aspects"]
    public static let polarities: Set<String> = ["positive", "negative", "neutral"]

    public static func read(_ path: String) throws -> [AspectGoldClause] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SentimentError.data(path: path, line: nil, reason: "cannot read the aspect evaluation set")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [AspectGoldClause] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        func fail(_ line: Int, _ field: String, _ why: String) -> SentimentError {
            .data(path: file, line: line, reason: "field \(field): \(why)")
        }
        guard let first = lines.first, first.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) == header else {
            throw fail(1, "header", "expected \(header.joined(separator: "<TAB>"))")
        }
        var out: [AspectGoldClause] = []
        var ids = Set<String>()
        for (i, raw) in lines.enumerated().dropFirst() {
            let n = i + 1
            let cols = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == header.count else {
                throw fail(n, "columns", "expected \(header.count) tab-separated columns, found \(cols.count)")
            }
            let (id, source, lineText, category, clause, aspects) = (cols[0], cols[1], cols[2], cols[3], cols[4], cols[5])
            guard !id.isEmpty, ids.insert(id).inserted else { throw fail(n, "id", "empty or repeated id '\(id)'") }
            guard !source.isEmpty else { throw fail(n, "source", "empty") }
            guard let line = Int(lineText), line >= 1 else { throw fail(n, "line", "'\(lineText)' is not a line number") }
            guard !clause.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(n, "clause", "empty") }
            var terms: [AspectGoldTerm] = []
            if aspects != "-" {
                for entry in aspects.split(separator: ";", omittingEmptySubsequences: false) {
                    let parts = entry.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    guard parts.count == 3, !parts[0].isEmpty else {
                        throw fail(n, "aspects", "'\(entry)' is not term:polarity:category")
                    }
                    guard polarities.contains(parts[1]) else {
                        throw fail(n, "aspects", "polarity '\(parts[1])' of '\(parts[0])' is not positive, negative or neutral")
                    }
                    guard clause.contains(parts[0]) else { throw fail(n, "aspects", "term '\(parts[0])' is not in the clause") }
                    guard !terms.contains(where: { $0.term == parts[0] }) else {
                        throw fail(n, "aspects", "term '\(parts[0])' annotated twice")
                    }
                    terms.append(AspectGoldTerm(term: parts[0], polarity: parts[1], category: parts[2]))
                }
            }
            out.append(AspectGoldClause(id: id, source: source, line: line, category: category, clause: clause, terms: terms))
        }
        return out
    }
}
