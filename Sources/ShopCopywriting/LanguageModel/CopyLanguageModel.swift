import Foundation
import ShopData
import ShopNeural
import ShopCore

/// The ranking LM of one language: our `LSTMLanguageModel` with its vocabulary.
public final class CopyLanguageModel: @unchecked Sendable {
    public static let pad: Int32 = 0, unk: Int32 = 1, bos: Int32 = 2, eos: Int32 = 3
    public let model: LSTMLanguageModel
    public let metadata: CopyLMMetadata
    private let ids: [String: Int32]
    /// The ids of the one-code-point tokens by code point (of their NFC form, as `ids`
    /// matches canonically equivalent keys), and of `<num>`: Chinese text is encoded without
    /// making or hashing a `String` per character (a `String` key is hashed through its
    /// NFC form, a visible share of ranking).
    private let scalarIDs: IntegerKeyTable
    private let numberID: Int32

    public init(model: LSTMLanguageModel, metadata: CopyLMMetadata) {
        self.model = model
        self.metadata = metadata
        var d: [String: Int32] = [:]
        // Only Chinese takes the code-point path; other vocabularies skip the NFC pass.
        let chinese = metadata.language == .zh
        var byScalar = IntegerKeyTable(minimumCapacity: chinese ? metadata.vocabulary.count : 1)
        for (i, t) in metadata.vocabulary.enumerated() {
            d[t] = Int32(i)
            guard chinese else { continue }
            let nfc = t.precomposedStringWithCanonicalMapping.unicodeScalars
            if nfc.count == 1 { byScalar.set(UInt64(nfc.first!.value), Int32(i)) }
        }
        ids = d
        scalarIDs = byScalar
        numberID = d["<num>"] ?? Self.unk
    }

    public var language: Language { metadata.language }

    /// `<s> tokens </s>` as ids.
    public func encode(_ text: String) -> [Int32] {
        if language == .zh, let fast = encodeSimpleChinese(text) { return fast }
        return encodeReference(text)
    }

    /// `encode` through token strings (the path for every text `encodeSimpleChinese` declines).
    func encodeReference(_ text: String) -> [Int32] {
        [Self.bos] + CopyTokenizer.tokens(text, language: language).map { ids[$0] ?? Self.unk } + [Self.eos]
    }

    /// `encode` of a Chinese text from its code points, as `CopyTokenizer.simpleChinese`
    /// tokenises it (nil when it declines the text).
    func encodeSimpleChinese(_ text: String) -> [Int32]? {
        var out: [Int32] = [Self.bos]
        out.reserveCapacity(text.utf8.count / 3 + 2)
        for u in text.unicodeScalars {
            let v = u.value
            guard CopyTokenizer.isSimpleChinese(v) else { return nil }
            if v == 0x20 || v == 0x3000 { continue }
            if v >= 48 && v <= 57 { out.append(numberID); continue }
            out.append(scalarIDs[UInt64(v >= 65 && v <= 90 ? v + 32 : v)] ?? Self.unk)
        }
        out.append(Self.eos)
        return out
    }

    /// Total log-probability and predicted-token count of each text (`</s>` included), in one batch.
    public func logProbabilities(_ texts: [String]) -> [(logProb: Double, tokens: Int)] {
        model.tokenLogProbabilities(of: texts.map(encode)).map { lp in (Double(lp.reduce(0, +)), lp.count) }
    }

    public func save(to path: String) throws {
        try model.save(to: path, metadata: metadata, storage: .float16)
    }

    public static func load(from path: String) throws -> CopyLanguageModel {
        let (m, meta) = try LSTMLanguageModel.load(from: path, metadata: CopyLMMetadata.self)
        guard meta.version == CopyLMMetadata.currentVersion else {
            throw DataError(file: path, reason: "copy LM metadata version \(meta.version), expected \(CopyLMMetadata.currentVersion)")
        }
        guard meta.vocabulary.count == m.config.vocabSize else {
            throw DataError(file: path, reason: "vocabulary has \(meta.vocabulary.count) entries but the model \(m.config.vocabSize)")
        }
        return CopyLanguageModel(model: m, metadata: meta)
    }

    /// Builds a vocabulary from training texts: tokens seen at least `minCount` times, most
    /// frequent first, at most `maxSize` in all (specials included).
    public static func vocabulary(for texts: [String], language: Language, minCount: Int, maxSize: Int) -> [String] {
        var counts: [String: Int] = [:]
        for t in texts { for tok in CopyTokenizer.tokens(t, language: language) { counts[tok, default: 0] += 1 } }
        let kept = counts.filter { $0.value >= minCount }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        return ["<pad>", "<unk>", "<s>", "</s>"] + kept.prefix(maxSize - 4).map(\.key)
    }
}
