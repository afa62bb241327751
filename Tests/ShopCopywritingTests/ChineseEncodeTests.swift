import XCTest
import ShopCore
import ShopNeural
@testable import ShopCopywriting

/// `CopyLanguageModel.encode`'s code-point path for Chinese must give the ids of the path
/// through token strings: on edge cases, with a vocabulary holding a compatibility
/// ideograph (canonically equal to a unified one) and `<num>`, and with the shipped LM on
/// every AdvertiseGen reference (when the shared corpora are present).
final class ChineseEncodeTests: XCTestCase {
    static let edgeCases = ["", " ", "\u{3000}", "中文", "ABC abc", "Zz", "2024年新款", "１２３", "ＡＢＣ", "ｆｕｌｌ", "“引号”—破折号…",
                            "豈", "\u{F900}", "带\u{301}重音", "é", "e\u{301}", "\u{302A}声调", "😀表情", "\r\n换行", "tab\t制表",
                            "〇〡〩〰〿", "‐‧", "～！"]

    func testCodePointPathGivesTheStringPathsIDs() {
        // 豈 U+8C48 and the compatibility ideograph U+F900 are canonically equivalent.
        let vocab = ["<pad>", "<unk>", "<s>", "</s>", "<num>", "中", "文", "a", "b", "c", "z", "\u{F900}", "年", "新", "款", "“", "”",
                     "—", "…", "e\u{301}", "！", "～", "〇", "‐", "A"]
        let lm = CopyLanguageModel(
            model: LSTMLanguageModel(config: LanguageModelConfig(vocabSize: vocab.count, embedDim: 4, hiddenSize: 8, dropout: 0, maxLength: 64, seed: 1)),
            metadata: CopyLMMetadata(language: .zh, vocabulary: vocab, trainingSource: "test", trainingSequences: 0, devPerplexity: nil))
        var fastPathed = 0
        for t in Self.edgeCases {
            XCTAssertEqual(lm.encode(t), lm.encodeReference(t), t.debugDescription)
            if lm.encodeSimpleChinese(t) != nil { fastPathed += 1 }
        }
        XCTAssertGreaterThan(fastPathed, 10)
        XCTAssertEqual(lm.encode("豈"), [CopyLanguageModel.bos, 11, CopyLanguageModel.eos], "found through the equivalent entry")
    }

    func testShippedModelOnAdvertiseGen() throws {
        let path = DescribeModelLoader.defaultPath(.zh)
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "no shipped zh LM")
        let lm = try CopyLanguageModel.load(from: path)
        var texts = Self.edgeCases
        let adgen = Fixtures.root + "/../shared/corpora/" + CopyCorpora.advertiseGen
        if FileManager.default.fileExists(atPath: adgen) {
            for e in try CopyCorpora.advertiseGenExamples(path: adgen).examples {
                texts.append(e.reference)
                texts += e.record.specs.map { "\($0.key)\($0.value)" }
            }
        }
        var fastPathed = 0
        for t in texts {
            XCTAssertEqual(lm.encode(t), lm.encodeReference(t), t)
            if lm.encodeSimpleChinese(t) != nil { fastPathed += 1 }
        }
        XCTAssertGreaterThan(fastPathed, texts.count / 2, "most texts take the code-point path")
    }
}
