import Foundation

/// Reads training text: one example per line, either plain text or our corpora's TSV
/// (`label<TAB>text`, of which only the text is used — embeddings never see labels).
public enum TrainingText {
    public enum Format: String, Sendable, CaseIterable {
        /// TSV when the file's first non-empty line has a tab, else plain text.
        case auto
        case text
        case tsv
    }

    /// Calls `body` with each non-empty text line of `path`. A bad line (invalid UTF-8, a
    /// TSV line without a tab) is an error naming the file and line; with `onBadLine` it is
    /// handed there instead and reading goes on (one bad line in a corpus of millions
    /// should not end a training run).
    public static func forEachLine(in path: String, format: Format = .auto, onBadLine: ((EmbeddingError) -> Void)? = nil,
                                   _ body: (String) throws -> Void) throws {
        func bad(_ e: EmbeddingError) throws {
            guard let onBadLine else { throw e }
            onBadLine(e)
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EmbeddingError.badLine(path: path, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        var resolved = format
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var slice = bytes[start..<end]
                if slice.last == 0x0D { slice = slice.dropLast() }
                start = end + 1
                if slice.isEmpty { continue }
                guard let line = String(validating: slice, as: UTF8.self) else {
                    try bad(.badLine(path: path, line: lineNumber, reason: "invalid UTF-8"))
                    continue
                }
                if resolved == .auto { resolved = line.contains("\t") ? .tsv : .text }
                if resolved == .tsv {
                    guard let tab = line.firstIndex(of: "\t") else {
                        try bad(.badLine(path: path, line: lineNumber, reason: "expected label<TAB>text, found no tab"))
                        continue
                    }
                    let text = line[line.index(after: tab)...]
                    if !text.isEmpty { try body(String(text)) }
                } else {
                    try body(line)
                }
            }
        }
    }
}
