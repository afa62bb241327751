import ShopCore
import Foundation
import ShopNeural

/// Vectors files are ShopNeural `ModelArchive`s of kind "WordVectors" (one versioned,
/// checksummed, atomically written format for every ShopNLP model):
///
/// - config: dimension and the subword scheme, plus a note on how they were trained;
/// - app: the words (most frequent first), their training counts, the kept subword buckets;
/// - tensors: `words` (words × dimension) and `subwords` (kept buckets × dimension).
///
/// Loading a truncated, altered, other-version or other-kind file fails with a message
/// naming the file (`ModelArchiveError`, or `EmbeddingError` for inconsistent contents).
public enum VectorsFile {
    public static let kind = "WordVectors"

    struct Config: Codable {
        var dimension: Int
        var minN: Int
        var maxN: Int
        var hanUnits: Bool
        var buckets: Int
        var note: String
    }

    struct App: Codable {
        var words: [String]
        var counts: [Int]
        var subwordBuckets: [Int]
    }

    public static func archive(_ v: WordVectors) throws -> ModelArchive {
        let config = Config(dimension: v.dimension, minN: v.subwords.minN, maxN: v.subwords.maxN,
                            hanUnits: v.subwords.hanUnits, buckets: v.subwords.buckets, note: v.note)
        let app = App(words: v.words, counts: v.counts, subwordBuckets: v.subwordBuckets)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ModelArchive(kind: kind, config: try encoder.encode(config), appMetadata: try encoder.encode(app), tensors: [
            .init(name: "words", rows: v.words.count, cols: v.dimension, values: v.matrix),
            .init(name: "subwords", rows: v.subwordBuckets.count, cols: v.dimension, values: v.subwordMatrix),
        ])
    }

    /// The encoded file; `float16` halves its size (shipped defaults use it).
    public static func encode(_ v: WordVectors, float16: Bool = false) throws -> Data {
        try archive(v).encoded(storage: float16 ? .float16 : .float32)
    }

    /// Saves atomically (temporary file + rename).
    public static func save(_ v: WordVectors, to path: String, float16: Bool = false) throws {
        try archive(v).write(to: path, storage: float16 ? .float16 : .float32)
    }

    public static func load(_ path: String) throws -> WordVectors {
        try vectors(from: try ModelArchive.read(from: path), path: path)
    }

    public static func decode(_ data: Data, path: String) throws -> WordVectors {
        try vectors(from: try ModelArchive.decode(data, file: path), path: path)
    }

    static func vectors(from a: ModelArchive, path: String) throws -> WordVectors {
        try a.expectKind(kind)
        let c = try a.decodeConfig(Config.self)
        let app = try a.decodeAppMetadata(App.self)
        let words = try a.tensor(named: "words"), sub = try a.tensor(named: "subwords")
        func bad(_ reason: String) -> EmbeddingError { .badVectorsFile(path: path, reason: reason) }
        guard c.dimension > 0, words.cols == c.dimension, sub.cols == c.dimension else {
            throw bad("tensor widths do not match dimension \(c.dimension)")
        }
        guard words.rows == app.words.count, app.counts.count == app.words.count else {
            throw bad("\(app.words.count) words but \(words.rows) word rows and \(app.counts.count) counts")
        }
        guard sub.rows == app.subwordBuckets.count else {
            throw bad("\(app.subwordBuckets.count) subword buckets but \(sub.rows) subword rows")
        }
        guard app.subwordBuckets.allSatisfy({ $0 >= 0 && $0 < max(1, c.buckets) }) else {
            throw bad("a subword bucket is outside 0..<\(c.buckets)")
        }
        return WordVectors(dimension: c.dimension, words: app.words, counts: app.counts, matrix: words.values,
                           subwords: SubwordScheme(minN: c.minN, maxN: c.maxN, hanUnits: c.hanUnits, buckets: c.buckets),
                           subwordBuckets: app.subwordBuckets, subwordMatrix: sub.values, note: c.note)
    }
}

extension WordVectors {
    /// Loads a vectors file written by `save` (see `VectorsFile`).
    public static func load(_ path: String) throws -> WordVectors { try VectorsFile.load(path) }

    /// Saves atomically as a ModelArchive; `float16` halves the size.
    public func save(to path: String, float16: Bool = false) throws {
        try VectorsFile.save(self, to: path, float16: float16)
    }
}
