import Foundation
import ShopCore
@testable import ShopDialogue

/// The writer of the earlier intent model format (`SNLPINTM`, version 1), kept here only to
/// test that such files still load and that the loader's defences hold: the library reads
/// this format but writes a `ModelArchive`.
enum LegacyIntentFile {
    static func encode(_ model: IntentModel) throws -> [UInt8] {
        var p = BinaryWriter()
        let header = IntentModelFile.Header(labels: model.labels, extractor: model.wide.vectorizer.extractor,
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
        file.bytes = Array("SNLPINTM".utf8)
        file.u32(1)
        file.u64(UInt64(p.bytes.count))
        file.u64(FNV1a.hash64(bytes: p.bytes))
        file.bytes += p.bytes
        return file.bytes
    }
}
