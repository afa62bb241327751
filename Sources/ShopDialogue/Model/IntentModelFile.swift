import Foundation
import ShopData
import ShopCore

/// Reads and writes intent model files: magic, format version, payload length and an
/// FNV-1a checksum of the payload, so a truncated or corrupted file is refused.
/// Weights are stored as float16 to keep the shipped model small.
public enum IntentModelFile {
    static let magic: [UInt8] = Array("SNLPINTM".utf8)
    public static let version: UInt32 = 1

    struct Header: Codable {
        var labels: [String]
        var extractor: NGramExtractor
        var temperature: Float
        var threshold: Float
        var deepWeight: Float
        var hasDeep: Bool
        var info: [String: String]
    }

    public static func save(_ model: IntentModel, to path: String) throws {
        var p = BinaryWriter()
        let header = Header(labels: model.labels, extractor: model.wide.vectorizer.extractor,
                            temperature: model.temperature, threshold: model.threshold,
                            deepWeight: model.deepWeight, hasDeep: model.deep != nil, info: model.info)
        p.blob(Array(try JSONEncoder().encode(header)))
        let vec = model.wide.vectorizer
        p.u64(UInt64(vec.dimension))
        for t in vec.terms { p.string(t) }
        for v in vec.idf { p.f32(v) }
        for w in model.wide.weights { p.f16(w) }
        if let deep = model.deep { p.blob(try deep.serialized()) }
        var file = BinaryWriter()
        file.bytes = magic
        file.u32(version)
        file.u64(UInt64(p.bytes.count))
        file.u64(FNV1a.hash64(bytes: p.bytes))
        file.bytes += p.bytes
        try AtomicFile.write(Data(file.bytes), to: path)
    }

    /// Loads a model; `deepLoader` rebuilds the deep path from its stored bytes.
    public static func load(_ path: String,
                            deepLoader: ((_ bytes: [UInt8], _ labels: [String]) throws -> DeepIntentPath)? = { b, _ in try NeuralIntentPath.deserialize(b, file: "deep path") }) throws -> IntentModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IntentModelError.badModelFile(path: path, reason: "cannot read file")
        }
        return try decode(Array(data), path: path, deepLoader: deepLoader)
    }

    /// Decodes a model file's bytes (`path` names it in errors); any bytes give a model or
    /// an `IntentModelError`, never a trap.
    public static func decode(_ data: [UInt8], path: String,
                              deepLoader: ((_ bytes: [UInt8], _ labels: [String]) throws -> DeepIntentPath)? = { b, _ in try NeuralIntentPath.deserialize(b, file: "deep path") }) throws -> IntentModel {
        var r = BinaryReader(data, path: path)
        guard data.count >= 28, Array(try r.take(8)) == magic else {
            throw IntentModelError.badModelFile(path: path, reason: "not a shopnlp intent model (bad magic)")
        }
        let v = try r.u32()
        guard v == version else {
            throw IntentModelError.badModelFile(path: path, reason: "model format version \(v), this build reads \(version)")
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
        let k = header.labels.count
        guard k >= 1 else { throw bad("no labels") }
        let x = header.extractor
        // The extractor's sizes drive loops at classification time: refused here, with the
        // file's name, rather than trusted there.
        guard (1...NGramExtractor.longestGram).contains(x.charMin), (0...NGramExtractor.longestGram).contains(x.charMax),
              (0...NGramExtractor.longestGram).contains(x.cjkMax) else {
            throw bad("n-gram sizes out of range (charMin \(x.charMin), charMax \(x.charMax), cjkMax \(x.cjkMax))")
        }
        guard header.temperature.isFinite, header.temperature > 0, header.threshold.isFinite, header.deepWeight.isFinite else {
            throw bad("temperature, threshold or deep weight is not a finite number")
        }
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
