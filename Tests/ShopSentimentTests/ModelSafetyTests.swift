import Foundation
import XCTest

@testable import ShopSentiment

/// Issue 20: training must not write a model it cannot answer with, and the loader must
/// refuse files whose header lies, before allocating.
final class ModelSafetyTests: XCTestCase {
    private func config(lr: Float = 0.3, minCount: Int = 1) -> SentimentTrainingConfig {
        SentimentTrainingConfig(features: FeatureOptions(order: 2, hanOrder: 3), minCount: minCount,
                                hyper: LinearHyperParameters(epochs: 2, learningRate: lr, l2: 1e-5), seeds: [1])
    }

    /// `model` with every n-gram weight passed through `change`.
    private func edited(_ model: SentimentModel, _ change: (inout Float) -> Void) -> SentimentModel {
        var scorer = model.scorer
        for i in scorer.weights.indices { change(&scorer.weights[i]) }
        return SentimentModel(labels: model.labels, features: model.features, vocabulary: model.vocabulary,
                              scorer: scorer, info: model.info)
    }

    func testDivergingTrainingStopsWithAnError() {
        XCTAssertThrowsError(try SentimentTraining.train(train: ToyCorpus.examples(), dev: ToyCorpus.examples(seed: 9, count: 40),
                                                         config: config(lr: 1e30), info: ModelInfo())) { error in
            XCTAssertTrue("\(error)".contains("lower --lr"), "\(error)")
        }
    }

    func testMinCountThatKeepsNoFeatureIsAnError() {
        XCTAssertThrowsError(try SentimentTraining.train(train: ToyCorpus.examples(), dev: ToyCorpus.examples(seed: 9, count: 40),
                                                         config: config(minCount: 1_000_000), info: ModelInfo()))
    }

    func testEmptyOrMismatchedDevIsAnErrorNotZeroPercent() {
        XCTAssertThrowsError(try SentimentTraining.train(train: ToyCorpus.examples(), dev: [], config: config(), info: ModelInfo()))
        let stars = ToyCorpus.examples(seed: 9, count: 40).map { LabeledExample(label: "5.0", text: $0.text) }
        XCTAssertThrowsError(try SentimentTraining.train(train: ToyCorpus.examples(), dev: stars, config: config(), info: ModelInfo())) { error in
            XCTAssertTrue("\(error)".contains("--stars-to-polarity"), "\(error)")
        }
    }

    func testWeightsBeyondFloat16AreStoredAsFloat32AndReloadExactly() throws {
        let model = try edited(ToyCorpus.model()) { $0 *= 1e6 }
        XCTAssertGreaterThan(model.scorer.weights.map(abs).max()!, 65504)
        XCTAssertTrue(SentimentModelFile.needsFloat32(model))
        let back = try SentimentModelFile.decode(try SentimentModelFile.encode(model))
        XCTAssertEqual(back.scorer.weights, model.scorer.weights)
        XCTAssertTrue(back.scorer.weights.allSatisfy(\.isFinite))
    }

    func testVerifiedEncodingMatchesDevAccuracy() throws {
        let model = try ToyCorpus.model()
        let dev = ToyCorpus.examples(seed: 99, count: 60)
        let (data, float32) = try SentimentModelFile.encodeVerified(model, dev: dev)
        XCTAssertFalse(float32)
        XCTAssertEqual(SentimentTraining.evaluate(try SentimentModelFile.decode(data), dev).accuracy,
                       SentimentTraining.evaluate(model, dev).accuracy, accuracy: 1.0 / 60)
    }

    func testEncodeRefusesNonFiniteWeights() throws {
        let model = try edited(ToyCorpus.model()) { if $0 != 0 { $0 = .nan } }
        XCTAssertThrowsError(try SentimentModelFile.encode(model))
    }

    /// Rewrites the JSON header of an earlier-format (SHOPSENT) file and fixes the checksum,
    /// as an attacker would: the reader of that format must hold (new files: SentimentModelFormatTests).
    private func forged(_ data: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var bytes = [UInt8](data)
        let jsonLen = Int(UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self) }))
        var header = try JSONSerialization.jsonObject(with: Data(bytes[16..<(16 + jsonLen)])) as! [String: Any]
        edit(&header)
        let json = [UInt8](try JSONSerialization.data(withJSONObject: header))
        var out = Array(bytes[0..<12])
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { out += $0 }
        out += json
        out += bytes[(16 + jsonLen)..<(bytes.count - 8)]
        withUnsafeBytes(of: SentimentModelFile.checksum(out).littleEndian) { out += $0 }
        bytes = out
        return Data(bytes)
    }

    func testForgedFeatureCountIsRefusedBeforeAllocating() throws {
        let data = try LegacySentimentFile.encode(try ToyCorpus.model())
        for count in [1 << 61, Int.max, -1, 1 << 40] {
            let bad = try forged(data) { $0["featureCount"] = count }
            XCTAssertThrowsError(try SentimentModelFile.decode(bad)) { error in
                XCTAssertTrue("\(error)".contains("sizes do not match"), "\(error)")
            }
        }
        let hugeOutputs = try forged(data) { $0["outputs"] = 1 << 62 }
        XCTAssertThrowsError(try SentimentModelFile.decode(hugeOutputs))
        let hugeDeep = try forged(data) { $0["deepBytes"] = [Int.max, Int.max] }
        XCTAssertThrowsError(try SentimentModelFile.decode(hugeDeep))
    }

    func testLoaderRefusesInfiniteWeights() throws {
        let model = try ToyCorpus.model()
        var bytes = [UInt8](try LegacySentimentFile.encode(model))
        let jsonLen = Int(UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self) }))
        let firstWeight = 16 + jsonLen + model.vocabulary.count * 8
        bytes[firstWeight] = 0x00; bytes[firstWeight + 1] = 0x7C  // float16 +infinity
        let body = Array(bytes[0..<(bytes.count - 8)])
        bytes = body
        withUnsafeBytes(of: SentimentModelFile.checksum(body).littleEndian) { bytes += $0 }
        XCTAssertThrowsError(try SentimentModelFile.decode(Data(bytes))) { error in
            XCTAssertTrue("\(error)".contains("infinite or NaN"), "\(error)")
        }
    }
}
