import Foundation
import ShopData
import ShopCore
import ShopNeural

/// The model file, version 3: a ShopNeural `ModelArchive` (the one format every model
/// shares: magic, format version, length, FNV-1a checksum) of kind `SentimentModel`. Its
/// app metadata is the JSON header (labels, feature options, info, sizes); the feature
/// keys are the byte tensor `keys` (UInt64, little-endian), the n-gram weights the tensor
/// `weights` (`features × outputs`, float16, or float32 when float16 cannot hold them),
/// the biases `bias` (float32), and each deep network's own archive the byte tensor
/// `deep.<i>`.
///
/// Files of the earlier format (`SHOPSENT` magic, versions 1 and 2, like the shipped
/// Models/sentiment-*.model) still load, through `decodeLegacy`.
public enum SentimentModelFile {
    /// The magic of the earlier format (versions 1 and 2).
    public static let magic = Array("SHOPSENT".utf8)
    public static let version: UInt32 = 3
    /// The archive kind of version 3 files.
    public static let archiveKind = "SentimentModel"

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
        /// Version 3 on: the format version (the earlier format kept it outside the header).
        var version: Int?
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
        let n = model.vocabulary.count, o = model.scorer.outputs
        let header = Header(labels: model.labels, features: model.features, info: model.info,
                            featureCount: n, outputs: o,
                            deepWeight: deepData == nil ? nil : model.deepWeight, deepBytes: deepData?.map(\.count),
                            weightBits: wide32 ? 32 : nil, version: Int(version))
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var archive = ModelArchive(kind: archiveKind, config: Data("{}".utf8), appMetadata: try enc.encode(header))
        var keys: [UInt8] = []
        keys.reserveCapacity(n * 8)
        for k in model.vocabulary.keys { withUnsafeBytes(of: k.littleEndian) { keys += $0 } }
        archive.add(bytes: keys, named: "keys")
        archive.add(ModelArchive.Tensor(name: "weights", rows: n, cols: o, values: model.scorer.weights,
                                        storage: wide32 ? ModelArchive.Storage.float32 : .float16))
        archive.add(ModelArchive.Tensor(name: "bias", rows: o, cols: 1, values: model.scorer.bias, storage: .float32))
        for (i, part) in (deepData ?? []).enumerated() { archive.add(bytes: [UInt8](part), named: "deep.\(i)") }
        return try archive.encoded()
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

    /// A model from a file's bytes, either format (`path` names it in errors).
    public static func decode(_ d: Data, path: String = "<data>") throws -> SentimentModel {
        if d.count >= 8 && d.prefix(8).elementsEqual(ModelArchive.magic) { return try decodeArchive(d, path: path) }
        return try decodeLegacy(d, path: path)
    }

    /// Version 3: the archive, its sizes checked against the header before anything is built.
    static func decodeArchive(_ d: Data, path: String) throws -> SentimentModel {
        func fail(_ r: String) -> SentimentError { .modelFile(path: path, reason: r) }
        let archive = try ModelArchive.decode(d, file: path)
        try archive.expectKind(archiveKind)
        let header: Header
        do { header = try archive.decodeAppMetadata(Header.self) } catch { throw fail("bad header: \(error)") }
        guard header.version == Int(version) else {
            throw fail("sentiment format version \(header.version.map(String.init) ?? "missing"); this build reads version \(version) and the SHOPSENT files of versions 1 and 2")
        }
        let n = header.featureCount, o = header.outputs
        let keyBytes = try archive.bytes(named: "keys")
        let weights = try archive.tensor(named: "weights"), bias = try archive.tensor(named: "bias")
        guard n >= 0, o >= 1, o == (header.labels.count == 2 ? 1 : header.labels.count), n <= keyBytes.count / 8,
              keyBytes.count == n * 8, weights.rows == n, weights.cols == o, bias.rows == o, bias.cols == 1 else {
            throw fail("sizes do not match the header")
        }
        var keys = [UInt64](repeating: 0, count: n)
        keyBytes.withUnsafeBytes { raw in
            for i in 0..<n { keys[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
        }
        var deep: DeepSentimentPath? = nil
        if let deepBytes = header.deepBytes, !deepBytes.isEmpty {
            var parts: [Data] = []
            for (i, length) in deepBytes.enumerated() {
                let part = try archive.bytes(named: "deep.\(i)")
                guard part.count == length else { throw fail("sizes do not match the header") }
                parts.append(Data(part))
            }
            deep = try deepPath(parts, labels: header.labels.count, path: path)
        }
        return SentimentModel(labels: header.labels, features: header.features, vocabulary: Vocabulary(keys: keys),
                              scorer: LinearScorer(labelCount: header.labels.count, features: n, weights: weights.values, bias: bias.values),
                              info: header.info, deep: deep, deepWeight: header.deepWeight ?? 0)
    }

    /// The deep path from its networks' archives, refused unless it has the header's labels.
    static func deepPath(_ parts: [Data], labels: Int, path: String) throws -> DeepSentimentPath {
        let deep: DeepSentimentPath
        do { deep = try DeepSentimentPath.deserialize(parts, file: path) }
        catch { throw SentimentError.modelFile(path: path, reason: "deep path: \(error)") }
        guard deep.network.config.numClasses == labels else {
            throw SentimentError.modelFile(path: path, reason: "deep path has \(deep.network.config.numClasses) classes, the header \(labels) labels")
        }
        return deep
    }

    /// The earlier format: `SHOPSENT` magic, format version (1 or 2), a JSON header, feature
    /// keys (UInt64), weights as float16 (float32 when the header says 32 bits), biases as
    /// float32, then (version 2, when the model has one) the deep path's archives, and an
    /// FNV-1a 64 checksum of everything before it. Little-endian throughout.
    static func decodeLegacy(_ d: Data, path: String) throws -> SentimentModel {
        let bytes = [UInt8](d)
        func fail(_ r: String) -> SentimentError { .modelFile(path: path, reason: r) }
        guard bytes.count >= 24, Array(bytes[0..<8]) == magic else { throw fail("not a sentiment model (bad magic)") }
        var pos = 8
        let version: UInt32 = load(bytes, &pos)
        guard version == 1 || version == 2 else {
            throw fail("unsupported format version \(version) (this build reads 1, 2 and \(SentimentModelFile.version))")
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
            deep = try deepPath(parts, labels: header.labels.count, path: path)
        }
        return SentimentModel(labels: header.labels, features: header.features, vocabulary: Vocabulary(keys: keys),
                              scorer: LinearScorer(labelCount: header.labels.count, features: n, weights: weights, bias: bias),
                              info: header.info, deep: deep, deepWeight: header.deepWeight ?? 0)
    }

    /// FNV-1a 64 over bytes.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        FNV1a.hash64(bytes: bytes)
    }

    static func load<T: FixedWidthInteger>(_ b: [UInt8], _ pos: inout Int) -> T {
        let v = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: pos, as: T.self) }
        pos += MemoryLayout<T>.size
        return T(littleEndian: v)
    }
}
