import Foundation
import ShopCore
import ShopData

/// The weights of the character tagger: a hashed feature table (bucket × 4 tags, one signed
/// byte per weight times a shared scale, so the table stays small enough for the cache), tag
/// transitions and the lexicon of the dictionary features. Immutable, so one instance
/// serves every thread.
///
/// The file is a ShopNeural `ModelArchive` (the one format every model shares) of kind
/// `SegmenterModel`: config `{"bucketsLog2", "version"}`, float32 tensors `scale` (1 × 1) and
/// `transitions` (4 × 4), and byte tensors `lexicon` and `prefixes` (UInt64 word keys, little
/// endian) and `weights` (the Int8 table, bucket-major). Files of the earlier `SHOPSEG`
/// format still load (`SegmenterModel+Legacy.swift`).
public final class SegmenterModel: Sendable {
    /// The archive kind, and the version of the layout inside it (version 2 was `SHOPSEG`).
    public static let archiveKind = "SegmenterModel"
    static let version = 3
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

    /// True when `other` holds the same numbers: what an upgraded file is checked against.
    public func hasSameWeights(as other: SegmenterModel) -> Bool {
        bucketsLog2 == other.bucketsLog2 && weights == other.weights && scale.bitPattern == other.scale.bitPattern
            && transitions.map(\.bitPattern) == other.transitions.map(\.bitPattern)
            && lexicon.hashes == other.lexicon.hashes && lexicon.prefixHashes == other.lexicon.prefixHashes
    }

    struct Config: Codable {
        var bucketsLog2: Int
        var version: Int
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var archive = ModelArchive(kind: Self.archiveKind,
                                   config: try enc.encode(Config(bucketsLog2: bucketsLog2, version: Self.version)))
        archive.add(ModelArchive.Tensor(name: "scale", rows: 1, cols: 1, values: [scale], storage: .float32))
        archive.add(ModelArchive.Tensor(name: "transitions", rows: 4, cols: 4, values: transitions, storage: .float32))
        archive.add(bytes: Self.keyBytes(lexicon.hashes), named: "lexicon")
        archive.add(bytes: Self.keyBytes(lexicon.prefixHashes), named: "prefixes")
        archive.add(bytes: weights.map { UInt8(bitPattern: $0) }, named: "weights")
        return try archive.encoded()
    }

    /// Writes the model file atomically (temporary file, then rename).
    public func write(to path: String) throws {
        let data = try encoded()
        do { try AtomicFile.write(data, to: path) } catch {
            throw TokenizerError.modelFile(path: path, reason: "cannot write: \(error)")
        }
    }

    /// Reads and checks a model file, either format.
    public static func load(path: String) throws -> SegmenterModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizerError.modelFile(path: path, reason: "cannot read file")
        }
        return try decode([UInt8](data), path: path)
    }

    /// A model from a file's bytes (`path` names it in errors): any bytes give a model or a
    /// `TokenizerError`, never a trap.
    public static func decode(_ bytes: [UInt8], path: String) throws -> SegmenterModel {
        if bytes.count >= 8 && bytes.prefix(8).elementsEqual(ModelArchive.magic) {
            return try decodeArchive(bytes, path: path)
        }
        return try decodeLegacy(bytes, path: path)
    }

    static func decodeArchive(_ bytes: [UInt8], path: String) throws -> SegmenterModel {
        func fail(_ why: String) -> TokenizerError { .modelFile(path: path, reason: why) }
        let config: Config, scale: ModelArchive.Tensor, transitions: ModelArchive.Tensor
        let lexicon: [UInt8], prefixes: [UInt8], weights: [UInt8]
        do {
            let archive = try ModelArchive.decode(Data(bytes), file: path)
            try archive.expectKind(archiveKind)
            config = try archive.decodeConfig(Config.self)
            try archive.expectShape("scale", rows: 1, cols: 1)
            try archive.expectShape("transitions", rows: 4, cols: 4)
            scale = try archive.tensor(named: "scale")
            transitions = try archive.tensor(named: "transitions")
            lexicon = try archive.bytes(named: "lexicon")
            prefixes = try archive.bytes(named: "prefixes")
            weights = try archive.bytes(named: "weights")
        } catch {
            throw fail(ModelArchiveError.reason(error, file: path))
        }
        guard config.version == version else {
            throw fail("segmenter format version \(config.version); this build reads \(version) and the SHOPSEG files before it")
        }
        guard (10...26).contains(config.bucketsLog2) else { throw fail("bad header (bucketsLog2 \(config.bucketsLog2))") }
        guard lexicon.count % 8 == 0, prefixes.count % 8 == 0 else { throw fail("bad lexicon size") }
        guard weights.count == (1 << config.bucketsLog2) * SegmentFeatures.tagCount else {
            throw fail("weights hold \(weights.count) bytes, expected \((1 << config.bucketsLog2) * SegmentFeatures.tagCount)")
        }
        return SegmenterModel(bucketsLog2: config.bucketsLog2, weights: weights.map { Int8(bitPattern: $0) },
                              scale: scale.values[0], transitions: transitions.values,
                              lexicon: SegmentLexicon(hashes: keys(lexicon), prefixes: keys(prefixes)))
    }

    static func keyBytes(_ keys: [UInt64]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(keys.count * 8)
        for k in keys { withUnsafeBytes(of: k.littleEndian) { out += $0 } }
        return out
    }

    static func keys(_ bytes: [UInt8]) -> [UInt64] {
        (0..<(bytes.count / 8)).map { k in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[8 * k + $1]) << (8 * UInt64($1)) }
        }
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
