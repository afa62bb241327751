import Foundation
import ShopKernels

/// The one binary format for every ShopNLP model.
///
/// Layout (little-endian):
/// ```
/// "SHOPNLPM"            8 bytes magic
/// version     u32       ModelArchive.formatVersion (1), or bytesFormatVersion (2) when it holds byte tensors
/// flags       u32       0 (reserved)
/// totalBytes  u64       length of the whole file (detects truncation)
/// metaBytes   u64, then that many bytes of JSON: {"kind":…,"config":{…},"app":{…}}
/// tensorCount u32, then per tensor:
///     nameBytes u16, name (UTF-8), dtype u8 (0 float32, 1 float16, 2 bytes), rows u64, cols u64, data
///     (a byte tensor has `rows` bytes and one column: integer keys, a nested archive)
/// checksum    u64       FNV-1a 64 over every byte before it
/// ```
/// `config` holds the model's hyper-parameters; `app` is free for the app
/// (vocabulary, label set, tokenizer options …).
public struct ModelArchive: Sendable {
    public static let magic: [UInt8] = Array("SHOPNLPM".utf8)
    public static let formatVersion: UInt32 = 1
    /// The version of archives that hold byte tensors. Archives without any stay version 1,
    /// byte for byte what earlier builds wrote and read.
    public static let bytesFormatVersion: UInt32 = 2
    /// The dtype byte of a byte tensor.
    static let bytesType: UInt8 = 2

    public enum Storage: UInt8, Sendable {
        case float32 = 0
        case float16 = 1
    }

    public struct Tensor: Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var cols: Int
        public var values: [Float]
        /// Stored this way whatever `encoded(storage:)` is asked (nil: as asked).
        public var storage: Storage?
        public init(name: String, rows: Int, cols: Int, values: [Float], storage: Storage? = nil) {
            precondition(values.count == rows * cols)
            self.name = name; self.rows = rows; self.cols = cols; self.values = values; self.storage = storage
        }
    }

    /// Named bytes kept beside the tensors (integer keys, a nested archive), under the same checksum.
    public struct ByteTensor: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
    }

    /// What model this is (e.g. "TextClassifier").
    public var kind: String
    /// JSON of the model's hyper-parameters.
    public var config: Data
    /// JSON the app stores alongside (vocabulary, labels …).
    public var appMetadata: Data
    public var tensors: [Tensor]
    /// Stored after the tensors; any makes the file version 2.
    public var byteTensors: [ByteTensor] = []
    /// The path this archive was read from ("" when built in memory); used in error messages.
    public var file: String = ""

    public init(kind: String, config: Data, appMetadata: Data = Data("{}".utf8), tensors: [Tensor] = []) {
        self.kind = kind
        self.config = config
        self.appMetadata = appMetadata
        self.tensors = tensors
    }

    public mutating func add(_ tensor: Tensor) { tensors.append(tensor) }

    public mutating func add(bytes: [UInt8], named name: String) { byteTensors.append(ByteTensor(name: name, bytes: bytes)) }

    public func bytes(named name: String) throws -> [UInt8] {
        guard let t = byteTensors.first(where: { $0.name == name }) else {
            throw ModelArchiveError.missingTensor(file: file, name: name)
        }
        return t.bytes
    }

    public func tensor(named name: String) throws -> Tensor {
        guard let t = tensors.first(where: { $0.name == name }) else {
            throw ModelArchiveError.missingTensor(file: file, name: name)
        }
        return t
    }

    /// Throws unless the tensor `name` exists with this shape (check before building a model from a config).
    public func expectShape(_ name: String, rows: Int, cols: Int) throws {
        let t = try tensor(named: name)
        guard t.rows == rows && t.cols == cols else {
            throw ModelArchiveError.shapeMismatch(file: file, name: name, expected: "\(rows)×\(cols)", found: "\(t.rows)×\(t.cols)")
        }
    }

    public func expectKind(_ expected: String) throws {
        if kind != expected { throw ModelArchiveError.wrongKind(file: file, expected: expected, found: kind) }
    }

    public func decodeConfig<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: config) } catch {
            throw ModelArchiveError.malformed(file: file, reason: "model config does not decode: \(error)")
        }
    }

    public func decodeAppMetadata<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: appMetadata) } catch {
            throw ModelArchiveError.malformed(file: file, reason: "app metadata does not decode as \(T.self): \(error)")
        }
    }

    // MARK: Encoding

    /// JSON for a config or metadata block, keys sorted: dictionaries (vocabularies) would
    /// otherwise come out in hash order, and the same model saved twice would differ in bytes
    /// and checksum.
    public static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    public func encoded(storage: Storage = .float32) throws -> Data {
        let kindJSON = try JSONEncoder().encode(kind)
        var meta = Data("{\"kind\":".utf8)
        meta.append(kindJSON)
        meta.append(contentsOf: Array(",\"config\":".utf8)); meta.append(config.isEmpty ? Data("{}".utf8) : config)
        meta.append(contentsOf: Array(",\"app\":".utf8)); meta.append(appMetadata.isEmpty ? Data("{}".utf8) : appMetadata)
        meta.append(contentsOf: Array("}".utf8))

        // A non-finite weight would load as a model that answers NaN: refuse to write it.
        // A tensor asked for as float16 but holding values beyond float16's ±65504 is
        // stored as float32 instead (each tensor records its own storage), since float16
        // would silently turn those values into infinities.
        if let bad = tensors.first(where: { !$0.values.allSatisfy(\.isFinite) }) {
            throw ModelArchiveError.cannotWrite(file: file.isEmpty ? kind : file, reason: "tensor '\(bad.name)' holds infinite or NaN values")
        }
        let tensorStorage = tensors.map { t -> Storage in
            let asked = t.storage ?? storage
            return asked == .float16 && Self.exceedsFloat16(t.values) ? .float32 : asked
        }
        var out = [UInt8]()
        var size = 8 + 4 + 4 + 8 + 8 + meta.count + 4 + 8
        for (t, st) in zip(tensors, tensorStorage) { size += 2 + t.name.utf8.count + 1 + 16 + t.values.count * (st == .float16 ? 2 : 4) }
        for b in byteTensors { size += 2 + b.name.utf8.count + 1 + 16 + b.bytes.count }
        out.reserveCapacity(size)
        out += Self.magic
        put(&out, byteTensors.isEmpty ? Self.formatVersion : Self.bytesFormatVersion)
        put(&out, UInt32(0))
        put(&out, UInt64(size))
        put(&out, UInt64(meta.count))
        out += meta
        put(&out, UInt32(tensors.count + byteTensors.count))
        for (t, storage) in zip(tensors, tensorStorage) {
            let name = Array(t.name.utf8)
            precondition(name.count < 65536)
            put(&out, UInt16(name.count)); out += name
            out.append(storage.rawValue)
            put(&out, UInt64(t.rows)); put(&out, UInt64(t.cols))
            switch storage {
            case .float32: for v in t.values { put(&out, v.bitPattern) }
            case .float16: for v in t.values { put(&out, Float16(v).bitPattern) }
            }
        }
        for b in byteTensors {
            let name = Array(b.name.utf8)
            precondition(name.count < 65536)
            put(&out, UInt16(name.count)); out += name
            out.append(Self.bytesType)
            put(&out, UInt64(b.bytes.count)); put(&out, UInt64(1))
            out += b.bytes
        }
        put(&out, FNV1a.hash64(bytes: out))
        precondition(out.count == size)
        return Data(out)
    }

    /// Whether float16 cannot hold every value (one beyond ±65504).
    public static func exceedsFloat16(_ values: [Float]) -> Bool {
        let limit = Float(Float16.greatestFiniteMagnitude)
        return values.contains { abs($0) > limit }
    }

    /// Names of the tensors that `encoded(storage: .float16)` keeps as float32 because
    /// float16 cannot hold them (for callers that log it).
    public var tensorsBeyondFloat16: [String] { tensors.filter { Self.exceedsFloat16($0.values) }.map(\.name) }

    /// Writes atomically: a temporary file beside the target, then rename.
    public func write(to path: String, storage: Storage = .float32) throws {
        let data = try encoded(storage: storage)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: tmp)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw ModelArchiveError.cannotWrite(file: path, reason: "\(error.localizedDescription)")
        }
        if rename(tmp.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: tmp)
            throw ModelArchiveError.cannotWrite(file: path, reason: String(cString: strerror(code)))
        }
    }

    // MARK: Decoding

    public static func read(from path: String) throws -> ModelArchive {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw ModelArchiveError.cannotRead(file: path, reason: error.localizedDescription)
        }
        return try decode(data, file: path)
    }

    /// Reads `path`, refusing an archive of another kind (the loaders' first two steps).
    public static func read(from path: String, kind: String) throws -> ModelArchive {
        let archive = try read(from: path)
        try archive.expectKind(kind)
        return archive
    }

    public static func decode(_ data: Data, file: String) throws -> ModelArchive {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ModelArchive in
            var r = Reader(bytes: raw, file: file)
            guard raw.count >= 8, Array(raw[0..<8]) == magic else { throw ModelArchiveError.notAModelFile(file: file) }
            r.offset = 8
            let version: UInt32 = try r.read()
            guard version == formatVersion || version == bytesFormatVersion else {
                throw ModelArchiveError.unsupportedVersion(file: file, found: version, supported: bytesFormatVersion)
            }
            let _: UInt32 = try r.read()
            let total: UInt64 = try r.read()
            guard total <= UInt64(Int.max), Int(total) == raw.count else {
                if total > UInt64(raw.count) {
                    throw ModelArchiveError.truncated(file: file, expectedBytes: Int(clamping: total), actualBytes: raw.count)
                }
                throw ModelArchiveError.malformed(file: file, reason: "file has \(raw.count) bytes, header says \(total)")
            }
            guard raw.count >= 8 + 24 + 8 else { throw ModelArchiveError.malformed(file: file, reason: "too short") }
            let stored = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self).littleEndian
            guard stored == FNV1a.hash64(bytes: raw[0..<(raw.count - 8)]) else { throw ModelArchiveError.checksumMismatch(file: file) }
            r.end = raw.count - 8

            let metaCount = Int(clamping: try r.read() as UInt64)
            let meta = Data(try r.bytes(metaCount))
            guard let object = try? JSONSerialization.jsonObject(with: meta) as? [String: Any],
                  let kind = object["kind"] as? String else {
                throw ModelArchiveError.malformed(file: file, reason: "metadata is not a JSON object with a kind")
            }
            // `config` and `app` as they are stored (the object above is parsed only to
            // check the JSON and read the kind); re-serialised only for an object whose
            // keys the span reader does not take.
            let spans = JSONObjectSpans.spans(Array(meta))
            func sub(_ key: String) throws -> Data {
                if let spans { return spans[key].map { Data(meta[$0]) } ?? Data("{}".utf8) }
                guard let value = object[key] else { return Data("{}".utf8) }
                return try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
            }
            var archive = ModelArchive(kind: kind, config: try sub("config"), appMetadata: try sub("app"))
            archive.file = file
            let count: UInt32 = try r.read()
            for _ in 0..<count {
                let nameCount: UInt16 = try r.read()
                guard let name = String(bytes: try r.bytes(Int(nameCount)), encoding: .utf8) else {
                    throw ModelArchiveError.malformed(file: file, reason: "tensor name is not UTF-8")
                }
                let dtype: UInt8 = try r.read()
                let rows = Int(clamping: try r.read() as UInt64), cols = Int(clamping: try r.read() as UInt64)
                if dtype == bytesType {
                    guard cols == 1, rows <= r.end - r.offset else {
                        throw ModelArchiveError.malformed(file: file, reason: "byte tensor '\(name)' (\(rows) bytes) runs past the end of the data")
                    }
                    archive.byteTensors.append(ByteTensor(name: name, bytes: Array(try r.bytes(rows))))
                    continue
                }
                let (n, overflow) = rows.multipliedReportingOverflow(by: cols)
                let width = dtype == 1 ? 2 : 4
                guard !overflow, n < Int.max / 4, n * width <= r.end - r.offset else {
                    throw ModelArchiveError.malformed(file: file, reason: "tensor '\(name)' (\(rows)×\(cols)) runs past the end of the data")
                }
                var values = [Float](repeating: 0, count: n)
                switch dtype {
                case 0:
                    let b = try r.bytes(n * 4)
                    values.withUnsafeMutableBytes { dst in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: b)) }
                    for i in 0..<n { values[i] = Float(bitPattern: values[i].bitPattern.littleEndian) }
                case 1:
                    let b = try r.bytes(n * 2)
                    if n > 0 {
                        values.withUnsafeMutableBufferPointer { v in
                            shop_half_to_float(UnsafeRawBufferPointer(rebasing: b).baseAddress!.assumingMemoryBound(to: UInt8.self), v.baseAddress!, n)
                        }
                    }
                default:
                    throw ModelArchiveError.malformed(file: file, reason: "tensor '\(name)' has unknown storage type \(dtype)")
                }
                // A NaN or infinite weight makes every output NaN, which later crashes
                // whatever converts a score to an integer; refuse it here, naming the tensor.
                guard values.allSatisfy(\.isFinite) else {
                    throw ModelArchiveError.malformed(file: file, reason: "tensor '\(name)' holds infinite or NaN values")
                }
                archive.tensors.append(Tensor(name: name, rows: rows, cols: cols, values: values))
            }
            guard r.offset == r.end else {
                throw ModelArchiveError.malformed(file: file, reason: "\(r.end - r.offset) unexpected bytes after the tensors")
            }
            return archive
        }
    }

    private func put<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// Bounds-checked little-endian reader.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let file: String
        var offset = 0
        var end: Int

        init(bytes: UnsafeRawBufferPointer, file: String) {
            self.bytes = bytes; self.file = file; end = bytes.count
        }

        mutating func read<T: FixedWidthInteger>() throws -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= end else {
                throw ModelArchiveError.truncated(file: file, expectedBytes: offset + size, actualBytes: end)
            }
            let v = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
            offset += size
            return T(littleEndian: v)
        }

        mutating func bytes(_ n: Int) throws -> Slice<UnsafeRawBufferPointer> {
            // `n <= end - offset`, not `offset + n <= end`: a forged length near Int.max
            // would overflow the addition and trap.
            guard n >= 0, n <= end - offset else {
                throw ModelArchiveError.malformed(file: file, reason: "a field runs past the end of the data")
            }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }
    }
}
