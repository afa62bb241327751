import Foundation
import ShopCore

/// The weights of the character tagger: a hashed feature table (bucket × 4 tags, one signed
/// byte per weight times a shared scale, so the table stays small enough for the cache), tag
/// transitions and the lexicon of the dictionary features. Immutable, so one instance
/// serves every thread.
///
/// File format (little endian): magic `SHOPSEG\0`, UInt32 version, UInt32 log2(buckets),
/// UInt32 bytes per weight (1), Float32 scale, 16 Float32 transitions, UInt32 count and
/// that many UInt64 lexicon word keys, UInt32 count and UInt64 word-prefix keys, the Int8
/// weights (bucket-major), then UInt64 FNV-1a of everything before it.
public final class SegmenterModel: Sendable {
    static let magic: [UInt8] = Array("SHOPSEG\0".utf8)
    static let version: UInt32 = 2
    /// Default file name inside `Corpora/segmentation/`.
    public static let fileName = "segmenter.bin"

    let bucketsLog2: Int
    let mask: UInt64
    /// `weights[bucket * 4 + tag] * scale` is the weight.
    let weights: [Int8]
    let scale: Float
    /// `transitions[from * 4 + to]`
    let transitions: [Float]
    let lexicon: SegmentLexicon

    init(bucketsLog2: Int, weights: [Int8], scale: Float, transitions: [Float], lexicon: SegmentLexicon) {
        self.bucketsLog2 = bucketsLog2
        mask = (UInt64(1) << UInt64(bucketsLog2)) - 1
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        self.lexicon = lexicon
    }

    /// Quantises trained float weights.
    convenience init(bucketsLog2: Int, floatWeights: [Float], transitions: [Float], lexicon: SegmentLexicon) {
        let peak = floatWeights.reduce(0) { max($0, abs($1)) }
        let scale = peak > 0 ? peak / 127 : 1
        self.init(bucketsLog2: bucketsLog2, weights: floatWeights.map { Int8(clamping: Int(($0 / scale).rounded())) },
                  scale: scale, transitions: transitions, lexicon: lexicon)
    }

    // MARK: - Files

    /// Writes the model file atomically (temporary file, then rename).
    public func write(to path: String) throws {
        var out = Data()
        out.append(contentsOf: Self.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(Self.version)
        u32(UInt32(bucketsLog2))
        u32(1)
        f32(scale)
        for v in transitions { f32(v) }
        for keys in [lexicon.hashes, lexicon.prefixHashes] {
            u32(UInt32(keys.count))
            for h in keys { withUnsafeBytes(of: h.littleEndian) { out.append(contentsOf: $0) } }
        }
        weights.withUnsafeBytes { out.append(contentsOf: $0) }
        let sum = FNV1a.hash64(bytes: out)
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
        guard bytes.count >= header + 12, Array(bytes[0..<8]) == magic else { throw fail("not a ShopNLP segmenter model") }
        func u32(_ o: Int) -> UInt32 { UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24 }
        let stored = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[bytes.count - 8 + $1]) << (8 * UInt64($1)) }
        guard FNV1a.hash64(bytes: bytes[0..<(bytes.count - 8)]) == stored else { throw fail("checksum mismatch (file damaged)") }
        guard u32(8) == version else { throw fail("format version \(u32(8)), expected \(version)") }
        let log2 = Int(u32(12))
        let width = Int(u32(16))
        guard (10...26).contains(log2), width == 1 else { throw fail("bad header") }
        let scale = Float(bitPattern: u32(20))
        let transitions = (0..<16).map { Float(bitPattern: u32(24 + 4 * $0)) }
        // Two key lists: lexicon words, then word prefixes.
        var offset = header
        var lists: [[UInt64]] = []
        for _ in 0..<2 {
            guard offset + 4 <= bytes.count - 8 else { throw fail("truncated lexicon") }
            let n = Int(u32(offset))
            guard n <= (bytes.count - offset) / 8 else { throw fail("bad lexicon size") }
            let start = offset + 4
            lists.append((0..<n).map { k in
                (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + 8 * k + $1]) << (8 * UInt64($1)) }
            })
            offset = start + 8 * n
        }
        let weightsStart = offset
        let count = (1 << log2) * SegmentFeatures.tagCount
        guard bytes.count == weightsStart + count * width + 8 else { throw fail("truncated (\(bytes.count) bytes)") }
        let weights = bytes[weightsStart..<(weightsStart + count)].map { Int8(bitPattern: $0) }
        return SegmenterModel(bucketsLog2: log2, weights: weights, scale: scale, transitions: transitions,
                              lexicon: SegmentLexicon(hashes: lists[0], prefixes: lists[1]))
    }

    // MARK: - The shipped model

    /// Where the default model is: `SHOPNLP_SEGMENTER_MODEL`, else
    /// `Corpora/segmentation/segmenter.bin` found by `ResourcePaths.find`.
    public static func defaultPath() -> String? {
        if let p = ProcessInfo.processInfo.environment["SHOPNLP_SEGMENTER_MODEL"], !p.isEmpty { return p }
        return ResourcePaths.find("Corpora/segmentation/" + fileName)
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
