import ShopCore

/// The earlier file format (version 2, before the segmenter moved into
/// `ModelArchive`), still read so older model files load. Little endian: magic `SHOPSEG\0`,
/// UInt32 version, UInt32 log2(buckets), UInt32 bytes per weight (1), Float32 scale, 16 Float32
/// transitions, UInt32 count and that many UInt64 lexicon word keys, UInt32 count and UInt64
/// word-prefix keys, the Int8 weights (bucket-major), then UInt64 FNV-1a of everything before it.
extension SegmenterModel {
    static let legacyMagic: [UInt8] = Array("SHOPSEG\0".utf8)
    static let legacyVersion: UInt32 = 2

    static func decodeLegacy(_ bytes: [UInt8], path: String) throws -> SegmenterModel {
        func fail(_ why: String) -> TokenizerError { .modelFile(path: path, reason: why) }
        let header = 8 + 16 + 64
        guard bytes.count >= header + 12, Array(bytes[0..<8]) == legacyMagic else { throw fail("not a ShopNLP segmenter model") }
        func u32(_ o: Int) -> UInt32 { UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24 }
        let stored = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[bytes.count - 8 + $1]) << (8 * UInt64($1)) }
        guard FNV1a.hash64(bytes: bytes[0..<(bytes.count - 8)]) == stored else { throw fail("checksum mismatch (file damaged)") }
        guard u32(8) == legacyVersion else { throw fail("SHOPSEG format version \(u32(8)), expected \(legacyVersion)") }
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
            let start = offset + 4
            // The keys must end before the checksum (a count reaching into it read past the end).
            guard n <= (bytes.count - 8 - start) / 8 else { throw fail("bad lexicon size") }
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
}
