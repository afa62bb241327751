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

    /// Calls `body` with each non-empty text line of `path`. Invalid UTF-8 is an error
    /// naming the file and line.
    public static func forEachLine(in path: String, format: Format = .auto, _ body: (String) throws -> Void) throws {
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
                    throw EmbeddingError.badLine(path: path, line: lineNumber, reason: "invalid UTF-8")
                }
                if resolved == .auto { resolved = line.contains("\t") ? .tsv : .text }
                if resolved == .tsv {
                    guard let tab = line.firstIndex(of: "\t") else {
                        throw EmbeddingError.badLine(path: path, line: lineNumber, reason: "expected label<TAB>text, found no tab")
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
