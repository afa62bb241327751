import Foundation
import ShopCore
@testable import ShopSentiment

/// The writer of the earlier sentiment format (`SHOPSENT`, version 2), kept here only to
/// test that such files still load and that the loader's defences hold: the library reads
/// this format but writes a `ModelArchive`.
enum LegacySentimentFile {
    static func encode(_ model: SentimentModel) throws -> Data {
        let deepData = try model.deep?.serialized()
        let header = SentimentModelFile.Header(labels: model.labels, features: model.features, info: model.info,
                                               featureCount: model.vocabulary.count, outputs: model.scorer.outputs,
                                               deepWeight: deepData == nil ? nil : model.deepWeight,
                                               deepBytes: deepData?.map(\.count), weightBits: nil)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let json = try enc.encode(header)
        var d = Data(SentimentModelFile.magic)
        append(&d, UInt32(2))
        append(&d, UInt32(json.count))
        d.append(json)
        for k in model.vocabulary.keys { append(&d, k) }
        for w in model.scorer.weights { append(&d, Float16(w).bitPattern) }
        for b in model.scorer.bias { append(&d, b.bitPattern) }
        for part in deepData ?? [] { d.append(part) }
        append(&d, FNV1a.hash64(bytes: [UInt8](d)))
        return d
    }

    private static func append<T: FixedWidthInteger>(_ d: inout Data, _ v: T) {
        withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) }
    }
}
