import Foundation
import ShopData
import ShopCore
import ShopNeural

/// Reads and writes intent model files. Version 2 is a ShopNeural `ModelArchive` (the one
/// format every model shares: magic, format version, length, FNV-1a checksum) of kind
/// `IntentModel`: the JSON header (labels, n-gram extractor, temperature, threshold, deep
/// weight, info, the vocabulary's terms) as app metadata, the tensors `idf` (float32) and
/// `weights` (`(terms + 1) × labels`, float16 to keep the shipped model small), and the
/// deep path's own archive as the byte tensor `deep`.
///
/// Files of the earlier format (`SNLPINTM` magic, version 1, like the shipped
/// Models/intent.model) still load, through `decodeLegacy`.
public enum IntentModelFile {
    /// The magic of the earlier format (version 1).
    static let magic: [UInt8] = Array("SNLPINTM".utf8)
    public static let version: UInt32 = 2
    /// The archive kind of version 2 files.
    public static let archiveKind = "IntentModel"

    struct Header: Codable {
        var labels: [String]
        var extractor: NGramExtractor
        var temperature: Float
        var threshold: Float
        var deepWeight: Float
        var hasDeep: Bool
        var info: [String: String]
        /// Version 2 on: the vocabulary (the earlier format kept it outside the header) and
        /// the format version.
        var terms: [String]? = nil
        var version: Int? = nil
    }

    /// The file's bytes.
    public static func encode(_ model: IntentModel) throws -> Data {
        let vec = model.wide.vectorizer
        let header = Header(labels: model.labels, extractor: vec.extractor,
                            temperature: model.temperature, threshold: model.threshold,
                            deepWeight: model.deepWeight, hasDeep: model.deep != nil, info: model.info,
                            terms: vec.terms, version: Int(version))
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var archive = ModelArchive(kind: archiveKind, config: Data("{}".utf8), appMetadata: try enc.encode(header))
        archive.add(ModelArchive.Tensor(name: "idf", rows: vec.dimension, cols: 1, values: vec.idf, storage: .float32))
        archive.add(ModelArchive.Tensor(name: "weights", rows: vec.dimension + 1, cols: model.labels.count,
                                        values: model.wide.weights, storage: .float16))
        if let deep = model.deep { archive.add(bytes: try deep.serialized(), named: "deep") }
        return try archive.encoded()
    }

    /// Writes the model atomically.
    public static func save(_ model: IntentModel, to path: String) throws {
        try AtomicFile.write(try encode(model), to: path)
    }

    /// Loads a model; `deepLoader` rebuilds the deep path from its stored bytes.
    public static func load(_ path: String,
                            deepLoader: ((_ bytes: [UInt8], _ labels: [String]) throws -> DeepIntentPath)? = { b, _ in try NeuralIntentPath.deserialize(b, file: "deep path") }) throws -> IntentModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IntentModelError.badModelFile(path: path, reason: "cannot read file")
        }
        return try decode(Array(data), path: path, deepLoader: deepLoader)
    }

    /// Decodes a model file's bytes, either format (`path` names it in errors); any bytes
    /// give a model or an `IntentModelError`, never a trap.
    public static func decode(_ data: [UInt8], path: String,
                              deepLoader: ((_ bytes: [UInt8], _ labels: [String]) throws -> DeepIntentPath)? = { b, _ in try NeuralIntentPath.deserialize(b, file: "deep path") }) throws -> IntentModel {
        if data.count >= 8 && data.prefix(8).elementsEqual(ModelArchive.magic) {
            return try decodeArchive(data, path: path, deepLoader: deepLoader)
        }
        return try decodeLegacy(data, path: path, deepLoader: deepLoader)
    }

    /// Version 2: the archive, its sizes checked against the header before anything is built.
    static func decodeArchive(_ data: [UInt8], path: String,
                              deepLoader: ((_ bytes: [UInt8], _ labels: [String]) throws -> DeepIntentPath)?) throws -> IntentModel {
        func bad(_ reason: String) -> IntentModelError { .badModelFile(path: path, reason: reason) }
        let archive: ModelArchive, header: Header
        do {
            archive = try ModelArchive.decode(Data(data), file: path)
            try archive.expectKind(archiveKind)
            header = try archive.decodeAppMetadata(Header.self)
        } catch {
            throw bad(ModelArchiveError.reason(error, file: path))
        }
        guard header.version == Int(version) else {
            throw bad("intent model format version \(header.version.map(String.init) ?? "missing"); this build reads version \(version) and the SNLPINTM files of version 1")
        }
        try check(header, bad)
        guard let terms = header.terms else { throw bad("the header has no vocabulary") }
        let k = header.labels.count, dim = terms.count
        let idf: ModelArchive.Tensor, weights: ModelArchive.Tensor
        do {
            idf = try archive.tensor(named: "idf")
            weights = try archive.tensor(named: "weights")
        } catch { throw bad("\(error)") }
        guard idf.rows == dim, idf.cols == 1, weights.rows == dim + 1, weights.cols == k else {
            throw bad("tensor sizes do not match the header's \(dim) terms and \(k) labels")
        }
        let vec = TfidfVectorizer(extractor: header.extractor, terms: terms, idf: idf.values)
        var model = IntentModel(labels: header.labels, wide: WideModel(vectorizer: vec, weights: weights.values, classes: k))
        model.temperature = header.temperature
        model.threshold = header.threshold
        model.info = header.info
        if header.hasDeep {
            let blob: [UInt8]
            do { blob = try archive.bytes(named: "deep") } catch { throw bad("\(error)") }
            if let deepLoader {
                model.deep = try deepLoader(blob, header.labels)
                model.deepWeight = header.deepWeight
            }
        }
        return model
    }

    /// The header's labels, n-gram sizes and numbers, refused here (naming the file) rather
    /// than trusted where they drive loops at classification time.
    static func check(_ header: Header, _ bad: (String) -> IntentModelError) throws {
        guard header.labels.count >= 1 else { throw bad("no labels") }
        let x = header.extractor
        guard (1...NGramExtractor.longestGram).contains(x.charMin), (0...NGramExtractor.longestGram).contains(x.charMax),
              (0...NGramExtractor.longestGram).contains(x.cjkMax) else {
            throw bad("n-gram sizes out of range (charMin \(x.charMin), charMax \(x.charMax), cjkMax \(x.cjkMax))")
        }
        guard header.temperature.isFinite, header.temperature > 0, header.threshold.isFinite, header.deepWeight.isFinite else {
            throw bad("temperature, threshold or deep weight is not a finite number")
        }
    }

    /// The earlier format: `SNLPINTM` magic, version 1, payload length and an FNV-1a checksum
    /// of the payload: a JSON header blob, the terms, idf (float32), weights (float16) and the
    /// deep path's bytes.
    static func decodeLegacy(_ data: [UInt8], path: String,
                             deepLoader: ((_ bytes: [UInt8], _ labels: [String]) throws -> DeepIntentPath)?) throws -> IntentModel {
        var r = BinaryReader(data, path: path)
        guard data.count >= 28, Array(try r.take(8)) == magic else {
            throw IntentModelError.badModelFile(path: path, reason: "not a shopnlp intent model (bad magic)")
        }
        let v = try r.u32()
        guard v == 1 else {
            throw IntentModelError.badModelFile(path: path, reason: "model format version \(v), this build reads 1 and \(version)")
        }
        let len = try r.u64()
        let sum = try r.u64()
        guard len == UInt64(r.bytes.count - r.pos) else {
            throw IntentModelError.badModelFile(path: path, reason: "payload is \(r.bytes.count - r.pos) bytes, header says \(len) (truncated?)")
        }
        let payload = Array(r.bytes[r.pos...])
        guard FNV1a.hash64(bytes: payload) == sum else {
            throw IntentModelError.badModelFile(path: path, reason: "checksum mismatch (corrupted file)")
        }
        var p = BinaryReader(payload, path: path)
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(try p.blob())) } catch let e as IntentModelError {
            throw e
        } catch {
            throw IntentModelError.badModelFile(path: path, reason: "bad header: \(error)")
        }
        func bad(_ reason: String) -> IntentModelError { .badModelFile(path: path, reason: reason) }
        try check(header, bad)
        let k = header.labels.count
        // Counts are checked against the bytes left before anything is allocated: every term
        // takes at least its 8-byte length, and each weight 2 bytes (a forged count of 2^63
        // must be an error, not a trap or an allocation of exabytes).
        let dimField = try p.u64()
        guard dimField <= UInt64(p.bytes.count - p.pos) / 8 else {
            throw bad("vocabulary of \(dimField) terms does not fit in the file")
        }
        let dim = Int(dimField)
        var terms: [String] = []
        terms.reserveCapacity(dim)
        for _ in 0..<dim { terms.append(try p.string()) }
        var idf = [Float](repeating: 0, count: dim)
        for i in 0..<dim { idf[i] = try p.f32() }
        let (cells, overflow) = (dim + 1).multipliedReportingOverflow(by: k)
        guard !overflow, cells <= (p.bytes.count - p.pos) / 2 else {
            throw bad("\(dim + 1) × \(k) weights do not fit in the file")
        }
        let wbytes = try p.take(cells * 2)
        var weights = [Float](repeating: 0, count: cells)
        var i = wbytes.startIndex
        for j in weights.indices {
            weights[j] = Float(Float16(bitPattern: UInt16(wbytes[i]) | UInt16(wbytes[i + 1]) << 8))
            i += 2
        }
        guard idf.allSatisfy(\.isFinite), weights.allSatisfy(\.isFinite) else {
            throw bad("infinite or NaN weights")
        }
        let vec = TfidfVectorizer(extractor: header.extractor, terms: terms, idf: idf)
        var model = IntentModel(labels: header.labels, wide: WideModel(vectorizer: vec, weights: weights, classes: k))
        model.temperature = header.temperature
        model.threshold = header.threshold
        model.info = header.info
        if header.hasDeep {
            let blob = try p.blob()
            if let deepLoader {
                model.deep = try deepLoader(blob, header.labels)
                model.deepWeight = header.deepWeight
            }
        }
        return model
    }
}
