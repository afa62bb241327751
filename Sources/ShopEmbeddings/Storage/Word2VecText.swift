import Foundation
import ShopData

/// The word2vec text format, for interoperating with other tools (gensim, fastText):
/// a header line `<words> <dimension>`, then one line per word: the word and its values,
/// separated by single spaces. Subword rows have no place in it and are not exported.
public enum Word2VecText {
    /// The text of `vectors` in word2vec format. Values are written in Swift's shortest
    /// round-tripping form, so export → import gives the same floats back.
    public static func encode(_ vectors: WordVectors) -> String {
        var out = "\(vectors.words.count) \(vectors.dimension)\n"
        out.reserveCapacity(vectors.words.count * vectors.dimension * 11)
        let dim = vectors.dimension
        for (i, word) in vectors.words.enumerated() {
            out += word
            for d in 0..<dim {
                out += " "
                out += String(vectors.matrix[i * dim + d])
            }
            out += "\n"
        }
        return out
    }

    public static func save(_ vectors: WordVectors, to path: String) throws {
        try AtomicFile.write(encode(vectors), to: path)
    }

    /// Parses word2vec text; errors name the file and line.
    public static func decode(_ text: String, path: String) throws -> WordVectors {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard let headerLine = lines.next() else { throw EmbeddingError.badLine(path: path, line: 1, reason: "empty file") }
        let header = headerLine.split(separator: " ")
        guard header.count == 2, let count = Int(header[0]), let dim = Int(header[1]), count >= 0, dim > 0, dim <= 4096 else {
            throw EmbeddingError.badLine(path: path, line: 1, reason: "expected a header '<words> <dimension>'")
        }
        var words: [String] = []
        var matrix: [Float] = []
        words.reserveCapacity(count)
        matrix.reserveCapacity(count * dim)
        var lineNumber = 1
        while let raw = lines.next() {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " }) { continue }
            let fields = line.split(separator: " ")
            guard fields.count == dim + 1 else {
                throw EmbeddingError.badLine(path: path, line: lineNumber,
                                             reason: "expected a word and \(dim) values, found \(fields.count) fields")
            }
            for (k, f) in fields.dropFirst().enumerated() {
                guard let v = Float(f), v.isFinite else {
                    throw EmbeddingError.badLine(path: path, line: lineNumber, reason: "value \(k + 1) '\(f)' is not a finite number")
                }
                matrix.append(v)
            }
            words.append(String(fields[0]))
        }
        guard words.count == count else {
            throw EmbeddingError.badLine(path: path, line: lineNumber,
                                         reason: "header promises \(count) words, file has \(words.count)")
        }
        return WordVectors(dimension: dim, words: words, matrix: matrix, note: "imported from word2vec text \(path)")
    }

    public static func load(_ path: String) throws -> WordVectors {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EmbeddingError.badVectorsFile(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EmbeddingError.badVectorsFile(path: path, reason: "not valid UTF-8")
        }
        return try decode(text, path: path)
    }
}
