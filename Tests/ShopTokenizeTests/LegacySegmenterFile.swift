import Foundation
import ShopCore
@testable import ShopTokenize

/// The writer of the earlier segmenter format (`SHOPSEG`, version 2), kept here only to test
/// that such files still load: the library reads this format but writes a `ModelArchive`.
enum LegacySegmenterFile {
    static func encode(_ model: SegmenterModel) -> Data {
        var out = Data(SegmenterModel.legacyMagic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(SegmenterModel.legacyVersion)
        u32(UInt32(model.bucketsLog2))
        u32(1)
        u32(model.scale.bitPattern)
        for v in model.transitions { u32(v.bitPattern) }
        for keys in [model.lexicon.hashes, model.lexicon.prefixHashes] {
            u32(UInt32(keys.count))
            for h in keys { withUnsafeBytes(of: h.littleEndian) { out.append(contentsOf: $0) } }
        }
        model.weights.withUnsafeBytes { out.append(contentsOf: $0) }
        let sum = FNV1a.hash64(bytes: out)
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        return out
    }
}
