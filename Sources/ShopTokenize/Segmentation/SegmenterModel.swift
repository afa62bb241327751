import Foundation

/// The weights of the character tagger: a hashed feature table (bucket × 4 tags) and tag
/// transitions. Immutable once built, so one instance serves every thread.
///
/// File format (little endian): magic `SHOPSEG\0`, UInt32 version, UInt32 log2(buckets),
/// UInt32 bytes per weight (1 or 2), Float32 scale, 16 Float32 transitions, the quantised
/// weights (bucket-major), then UInt64 FNV-1a of everything before it.
public final class SegmenterModel: Sendable {
    static let magic: [UInt8] = Array("SHOPSEG\0".utf8)
    static let version: UInt32 = 1
    /// Default file name inside `Corpora/segmentation/`.
    public static let fileName = "segmenter.bin"

    let bucketsLog2: Int
    let mask: UInt64
    /// `weights[bucket * 4 + tag]`
    let weights: [Float]
    /// `transitions[from * 4 + to]`
    let transitions: [Float]

    init(bucketsLog2: Int, weights: [Float], transitions: [Float]) {
        self.bucketsLog2 = bucketsLog2
        mask = (UInt64(1) << UInt64(bucketsLog2)) - 1
        self.weights = weights
        self.transitions = transitions
    }

    // MARK: - Files

    /// Writes the model quantised to `bytesPerWeight` (1 or 2) bytes per weight, atomically.
    public func write(to path: String, bytesPerWeight: Int = 1) throws {
        var out = Data()
        out.append(contentsOf: Self.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(Self.version)
        u32(UInt32(bucketsLog2))
        u32(UInt32(bytesPerWeight))
        let maxLevel: Float = bytesPerWeight == 1 ? 127 : 32767
        let peak = weights.reduce(0) { max($0, abs($1)) }
        let scale = peak > 0 ? peak / maxLevel : 1
        f32(scale)
        for v in transitions { f32(v) }
        var blob = [UInt8]()
        blob.reserveCapacity(weights.count * bytesPerWeight)
        for w in weights {
            let q = Int((w / scale).rounded())
            if bytesPerWeight == 1 {
                blob.append(UInt8(bitPattern: Int8(clamping: q)))
            } else {
                let v = UInt16(bitPattern: Int16(clamping: q))
                blob.append(UInt8(v & 0xFF)); blob.append(UInt8(v >> 8))
            }
        }
        out.append(contentsOf: blob)
        let sum = Self.fnv1a(out)
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        let tmp = path + ".tmp-\(getpid())"
        try out.write(to: URL(fileURLWithPath: tmp))
        if rename(tmp, path) != 0 {
            try? FileManager.default.removeItem(atPath: tmp)
            throw TokenizerError.modelFile(path: path, reason: "cannot rename temporary file into place")
        }
    }

    /// Reads and checks a model file.
    public static func load(path: String) throws -> SegmenterModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizerError.modelFile(path: path, reason: "cannot read file")
        }
        let bytes = [UInt8](data)
        func fail(_ why: String) -> TokenizerError { .modelFile(path: path, reason: why) }
        let header = 8 + 16 + 64
        guard bytes.count >= header + 8, Array(bytes[0..<8]) == magic else { throw fail("not a ShopNLP segmenter model") }
        func u32(_ o: Int) -> UInt32 { UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24 }
        let stored = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[bytes.count - 8 + $1]) << (8 * UInt64($1)) }
        guard fnv1a(bytes[0..<(bytes.count - 8)]) == stored else { throw fail("checksum mismatch (file damaged)") }
        guard u32(8) == version else { throw fail("format version \(u32(8)), expected \(version)") }
        let log2 = Int(u32(12))
        let width = Int(u32(16))
        guard (10...26).contains(log2), width == 1 || width == 2 else { throw fail("bad header") }
        let scale = Float(bitPattern: u32(20))
        let transitions = (0..<16).map { Float(bitPattern: u32(24 + 4 * $0)) }
        let count = (1 << log2) * SegmentFeatures.tagCount
        guard bytes.count == header + count * width + 8 else { throw fail("truncated (\(bytes.count) bytes)") }
        var weights = [Float](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { b in
            let base = header
            if width == 1 {
                for i in 0..<count { weights[i] = Float(Int8(bitPattern: b[base + i])) * scale }
            } else {
                for i in 0..<count {
                    let v = UInt16(b[base + 2 * i]) | UInt16(b[base + 2 * i + 1]) << 8
                    weights[i] = Float(Int16(bitPattern: v)) * scale
                }
            }
        }
        return SegmenterModel(bucketsLog2: log2, weights: weights, transitions: transitions)
    }

    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    // MARK: - The shipped model

    /// Where the default model is: `SHOPNLP_SEGMENTER_MODEL`, else
    /// `Corpora/segmentation/segmenter.bin` found by `SegmentationResources`.
    public static func defaultPath() -> String? {
        if let p = ProcessInfo.processInfo.environment["SHOPNLP_SEGMENTER_MODEL"], !p.isEmpty { return p }
        return SegmentationResources.find(fileName)
    }

    private static let sharedModel: Result<SegmenterModel?, TokenizerError> = {
        guard let path = defaultPath() else { return .success(nil) }
        do { return .success(try load(path: path)) } catch let e as TokenizerError { return .failure(e) } catch {
            return .failure(.modelFile(path: path, reason: "\(error)"))
        }
    }()

    /// The default model, loaded once; nil when no model file is found (Han text then
    /// falls back to ICU's segmentation). Throws when the file exists but is damaged.
    public static func shared() throws -> SegmenterModel? { try sharedModel.get() }
}
