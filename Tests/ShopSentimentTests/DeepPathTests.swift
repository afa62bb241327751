import Foundation
import XCTest
import ShopNeural
@testable import ShopSentiment

/// The deep path beside the n-gram path: training, mixing, the model file and batching.
final class DeepPathTests: XCTestCase {
    /// A wide+deep toy model (tiny network, two epochs: seconds in debug builds).
    static func deepModel(pretrained: PretrainedVectors? = nil, freeze: Bool = false, networks: Int = 1) throws -> SentimentModel {
        var config = SentimentTrainingConfig(features: FeatureOptions(order: 2, hanOrder: 3), minCount: 1,
                                             hyper: LinearHyperParameters(epochs: 3, learningRate: 0.3, l2: 1e-5))
        var deep = DeepSentimentOptions()
        deep.epochs = 2
        deep.embedDim = 8
        deep.hiddenSize = 8
        deep.attentionSize = 8
        deep.minCount = 1
        deep.freezeEmbeddings = freeze
        deep.networks = networks
        config.deep = deep
        config.pretrained = pretrained
        return try SentimentTraining.train(train: ToyCorpus.examples(count: 200), dev: ToyCorpus.examples(seed: 99, count: 60),
                                           config: config, info: ModelInfo())
    }

    func testDeepPathIsTrainedMixedAndRecorded() throws {
        let model = try Self.deepModel()
        let deep = try XCTUnwrap(model.deep)
        XCTAssertTrue((0...1).contains(model.deepWeight))
        XCTAssertEqual(model.info.deepWeight, model.deepWeight)
        XCTAssertNotNil(model.info.devAccuracyDeep)
        // The mixed probabilities are (1 − w)·wide + w·deep.
        let text = "这个电池太差了。"
        let units = TextUnits(text)
        let wide = model.scorer.probabilities(model.featureIDs(units))
        let d = deep.probabilities([text])[0]
        let mixed = model.predict(units: units).probabilities
        for k in mixed.indices { XCTAssertEqual(mixed[k], (1 - model.deepWeight) * wide[k] + model.deepWeight * d[k], accuracy: 1e-5) }
        XCTAssertEqual(model.predict("The screen is amazing.").label, "positive")
        XCTAssertEqual(model.predict("这个物流很失望。").label, "negative")
    }

    func testSeedNetworksAreAveraged() throws {
        let model = try Self.deepModel(networks: 2)
        let deep = try XCTUnwrap(model.deep)
        XCTAssertNotEqual(deep.networks[0].embedding.weight.value, deep.networks[1].embedding.weight.value)
        let text = "The delivery is awful."
        let ids = deep.encode(text)
        let a = deep.networks[0].predict(batch: [ids])[0].probabilities
        let b = deep.networks[1].predict(batch: [ids])[0].probabilities
        let avg = deep.probabilities([text])[0]
        for k in avg.indices { XCTAssertEqual(avg[k], (a[k] + b[k]) / 2, accuracy: 1e-6) }
    }

    func testBatchPredictionEqualsOneByOne() throws {
        let model = try Self.deepModel()
        let texts = ["这个屏幕很棒。", "The battery broke quickly.", "一般般吧", "The price is great but the delivery is awful and slow."]
        let batch = model.predict(batch: texts.map { TextUnits($0) })
        for (t, p) in zip(texts, batch) {
            let one = model.predict(t)
            XCTAssertEqual(one.label, p.label)
            for k in one.probabilities.indices { XCTAssertEqual(one.probabilities[k], p.probabilities[k], accuracy: 1e-4) }
        }
    }

    func testBatchTaggingEqualsOneByOne() throws {
        let model = try Self.deepModel()
        let tagger = RecordTagger(chooser: ModelChooser(model: model), options: TagOptions(explain: true))
        let records = [("物流很好，非常满意", 3), ("The quality is useless.", 4), ("还行", 9)]
        let batch = tagger.tag(records: records.map { (text: $0.0, line: $0.1) })
        XCTAssertEqual(batch.map(\.json), records.map { tagger.tag(text: $0.0, line: $0.1).json })
        // --explain adds the deep path's most attended words, which come from the text.
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(batch[1].json.utf8)) as? [String: Any])
        let attention = try XCTUnwrap(json["attention"] as? [[String: Any]])
        XCTAssertFalse(attention.isEmpty)
        for a in attention { XCTAssertTrue("the quality is useless.".contains(a["text"] as! String), "\(a)") }
    }

    func testModelFileKeepsTheDeepPathAndDetectsDamage() throws {
        let model = try Self.deepModel(networks: 2)
        XCTAssertEqual(model.deep?.networks.count, 2)
        let data = try SentimentModelFile.encode(model)
        let back = try SentimentModelFile.decode(data, path: "toy.model")
        XCTAssertEqual(back.deep?.networks.count, 2)
        XCTAssertEqual(back.deepWeight, model.deepWeight)
        XCTAssertEqual(back.deep?.vocabulary, model.deep?.vocabulary)
        for text in ["物流很好", "The battery is terrible", "一般"] {
            XCTAssertEqual(back.predict(text).label, model.predict(text).label)
            XCTAssertEqual(back.predict(text).score, model.predict(text).score, accuracy: 0.02)  // float16 weights
        }
        // A flipped byte inside the deep archive is caught by the outer checksum.
        var corrupt = data
        corrupt[data.count - 200] ^= 0x5A
        XCTAssertThrowsError(try SentimentModelFile.decode(corrupt, path: "toy.model")) { e in
            XCTAssertTrue("\(e)".contains("checksum") && "\(e)".contains("toy.model"), "\(e)")
        }
        XCTAssertThrowsError(try SentimentModelFile.decode(data.prefix(data.count - 300), path: "toy.model"))
    }

    func testPretrainedRowsAreCopiedAndFreezingKeepsThem() throws {
        // Vectors only for two words; every other row keeps its random start.
        let known: [String: [Float]] = ["电池": [1, 0, 0, 0, 0, 0, 0, 0], "great": [0, 0, 0, 1, 0, 0, 0, 0]]
        let vectors = PretrainedVectors(dimension: 8, sources: ["toy"]) { known[$0] }
        let model = try Self.deepModel(pretrained: vectors, freeze: true)
        let deep = try XCTUnwrap(model.deep)
        XCTAssertEqual(model.info.deep?.embeddingRowsFound, 2)
        let table = deep.network.embedding.weight.value
        for (word, v) in known {
            let id = Int(try XCTUnwrap(deep.vocabulary.firstIndex(of: word))) + 2
            let row = Array(table[(id * 8)..<((id + 1) * 8)])
            // Same direction as the given vector (rescaled), unchanged by training (frozen).
            let dot = zip(row, v).map(*).reduce(0, +)
            let norm = row.map { $0 * $0 }.reduce(0, +).squareRoot()
            XCTAssertEqual(dot / norm, 1, accuracy: 1e-5, word)
        }
    }

    func testWrongVectorSizeIsAUsageError() {
        let vectors = PretrainedVectors(dimension: 5, sources: ["v5"]) { _ in nil }
        XCTAssertThrowsError(try Self.deepModel(pretrained: vectors)) { e in
            XCTAssertTrue("\(e)".contains("5 dimensions"), "\(e)")
        }
    }
}
