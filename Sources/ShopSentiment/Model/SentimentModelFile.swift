import Foundation
import ShopData
import ShopCore

/// The model file: `SHOPSENT` magic, format version, a JSON header (labels, feature
/// options, info), feature keys (UInt64), weights as float16, biases as float32, then
/// (version 2, when the model has one) the deep path as a ShopNeural `ModelArchive`,
/// and an FNV-1a 64 checksum of everything before it. Little-endian throughout.
/// Version 1 files (n-gram path only) still load.
public enum SentimentModelFile {
    public static let magic = Array("SHOPSENT".utf8)
    public static let version: UInt32 = 2

    struct Header: Codable {
        var labels: [String]
        var features: FeatureOptions
        var info: ModelInfo
        var featureCount: Int
        var outputs: Int
        /// Version 2: the deep path's share and the byte length of each network's archive.
        var deepWeight: Float?
        var deepBytes: [Int]?
        /// Bits per stored n-gram weight: nil or 16 (float16), 32 when a weight is beyond
        /// float16's range (±65504), where float16 would turn it into infinity.
        var weightBits: Int?
    }

    /// Whether `model`'s n-gram weights are stored as float32 because float16 cannot hold them.
    public static func needsFloat32(_ model: SentimentModel) -> Bool {
        let limit = Float(Float16.greatestFiniteMagnitude)
        return model.scorer.weights.contains { abs($0) > limit }
    }

    /// The model file for a user-given path: as is, or with `.model` appended.
    public static func resolve(_ path: String) -> String {
        if !FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: path + ".model") {
            return path + ".model"
        }
        return path
    }

    /// The file's bytes. `float32` stores the n-gram weights at full precision (it is also
    /// chosen automatically when a weight is beyond float16's range).
    public static func encode(_ model: SentimentModel, float32: Bool = false) throws -> Data {
        guard model.scorer.weights.allSatisfy(\.isFinite), model.scorer.bias.allSatisfy(\.isFinite) else {
            throw SentimentError.usage("refusing to write a model with infinite or NaN weights")
        }
        let wide32 = float32 || needsFloat32(model)
        let deepData = try model.deep?.serialized()
        let header = Header(labels: model.labels, features: model.features, info: model.info,
                            featureCount: model.vocabulary.count, outputs: model.scorer.outputs,
                            deepWeight: deepData == nil ? nil : model.deepWeight, deepBytes: deepData?.map(\.count),
                            weightBits: wide32 ? 32 : nil)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let json = try enc.encode(header)
        var d = Data()
        d.append(contentsOf: magic)
        append(&d, version)
        append(&d, UInt32(json.count))
        d.append(json)
        for k in model.vocabulary.keys { append(&d, k) }
        if wide32 {
            for w in model.scorer.weights { append(&d, w.bitPattern) }
        } else {
            for w in model.scorer.weights { append(&d, Float16(w).bitPattern) }
        }
        for b in model.scorer.bias { append(&d, b.bitPattern) }
        for part in deepData ?? [] { d.append(part) }
        append(&d, checksum(d))
        return d
    }

    public static func write(_ model: SentimentModel, to path: String) throws {
        try AtomicFile.write(try encode(model), to: path)
    }

    public static func read(_ path: String) throws -> SentimentModel {
        let path = resolve(path)
        guard let d = FileManager.default.contents(atPath: path) else {
            throw SentimentError.modelFile(path: path, reason: "cannot read file")
        }
        return try decode(d, path: path)
    }

    public static func decode(_ d: Data, path: String = "<data>") throws -> SentimentModel {
        let bytes = [UInt8](d)
        func fail(_ r: String) -> SentimentError { .modelFile(path: path, reason: r) }
        guard bytes.count >= 24, Array(bytes[0..<8]) == magic else { throw fail("not a sentiment model (bad magic)") }
        var pos = 8
        let version: UInt32 = load(bytes, &pos)
        guard version == 1 || version == SentimentModelFile.version else {
            throw fail("unsupported format version \(version) (this build reads 1 and \(SentimentModelFile.version))")
        }
        let stored: UInt64 = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) }
        guard checksum(bytes[0..<(bytes.count - 8)]) == UInt64(littleEndian: stored) else {
            throw fail("checksum mismatch (file corrupt or truncated)")
        }
        let jsonLen = Int(load(bytes, &pos) as UInt32)
        guard pos + jsonLen <= bytes.count else { throw fail("truncated header") }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[pos..<(pos + jsonLen)])) }
        catch { throw fail("bad header: \(error)") }
        pos += jsonLen
        let n = header.featureCount, o = header.outputs, deepParts = header.deepBytes ?? []
        let weightBytes = (header.weightBits ?? 16) / 8
        guard header.weightBits == nil || header.weightBits == 16 || header.weightBits == 32 else {
            throw fail("unsupported weight width \(header.weightBits!) bits")
        }
        // The header's counts are checked against the file's length before anything is
        // allocated, with overflow-checked arithmetic: a forged featureCount of 2^61 must be
        // an error, not an allocation of exabytes or an arithmetic trap.
        func total(_ terms: [(Int, Int)]) -> Int? {
            var sum = 0
            for (a, b) in terms {
                guard a >= 0, b >= 0 else { return nil }
                let (p, o1) = a.multipliedReportingOverflow(by: b)
                let (s, o2) = sum.addingReportingOverflow(p)
                if o1 || o2 { return nil }
                sum = s
            }
            return sum
        }
        guard o >= 1, o == (header.labels.count == 2 ? 1 : header.labels.count), n >= 0, deepParts.allSatisfy({ $0 > 0 }),
              let size = total([(pos, 1), (n, 8), (n, o * weightBytes), (o, 4), (8, 1)] + deepParts.map { ($0, 1) }),
              size == bytes.count else { throw fail("sizes do not match the header") }
        var keys = [UInt64](repeating: 0, count: n)
        var weights = [Float](repeating: 0, count: n * o)
        var bias = [Float](repeating: 0, count: o)
        bytes.withUnsafeBytes { raw in
            for i in 0..<n { keys[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos + i * 8, as: UInt64.self)) }
            pos += n * 8
            if weightBytes == 4 {
                for i in 0..<(n * o) {
                    weights[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: pos + i * 4, as: UInt32.self)))
                }
            } else {
                for i in 0..<(n * o) {
                    weights[i] = Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: pos + i * 2, as: UInt16.self))))
                }
            }
            pos += n * o * weightBytes
            for i in 0..<o { bias[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: pos + i * 4, as: UInt32.self))) }
            pos += o * 4
        }
        // An infinite or NaN weight makes every probability NaN (and crashed JSON output).
        guard weights.allSatisfy(\.isFinite), bias.allSatisfy(\.isFinite) else {
            throw fail("infinite or NaN weights")
        }
        var deep: DeepSentimentPath? = nil
        if !deepParts.isEmpty {
            var parts: [Data] = []
            for len in deepParts {
                parts.append(Data(bytes[pos..<(pos + len)]))
                pos += len
            }
            do { deep = try DeepSentimentPath.deserialize(parts, file: path) }
            catch { throw fail("deep path: \(error)") }
            guard deep!.network.config.numClasses == header.labels.count else {
                throw fail("deep path has \(deep!.network.config.numClasses) classes, the header \(header.labels.count) labels")
            }
        }
        return SentimentModel(labels: header.labels, features: header.features, vocabulary: Vocabulary(keys: keys),
                              scorer: LinearScorer(labelCount: header.labels.count, features: n, weights: weights, bias: bias),
                              info: header.info, deep: deep, deepWeight: header.deepWeight ?? 0)
    }

    /// FNV-1a 64 over bytes.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        FNV1a.hash64(bytes: bytes)
    }

    static func append<T: FixedWidthInteger>(_ d: inout Data, _ v: T) {
        withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) }
    }

    static func load<T: FixedWidthInteger>(_ b: [UInt8], _ pos: inout Int) -> T {
        let v = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: pos, as: T.self) }
        pos += MemoryLayout<T>.size
        return T(littleEndian: v)
    }
}
