import XCTest
@testable import ShopSentiment

final class ModelTests: XCTestCase {
    func testToyModelSeparatesObviousReviews() throws {
        let model = try ToyCorpus.model()
        XCTAssertEqual(model.labels, ["negative", "positive"])
        XCTAssertEqual(model.predict("物流很好，非常满意").label, "positive")
        XCTAssertEqual(model.predict("电池太差了，很失望").label, "negative")
        XCTAssertEqual(model.predict("The screen is excellent").label, "positive")
        XCTAssertEqual(model.predict("The battery is terrible").label, "negative")
        let metrics = SentimentTraining.evaluate(model, ToyCorpus.examples(seed: 5, count: 100))
        XCTAssertGreaterThan(metrics.accuracy, 0.95)
        XCTAssertEqual(metrics.confusion.flatMap { $0 }.reduce(0, +), 100)
    }

    func testExplainPointsAtOpinionWords() throws {
        let model = try ToyCorpus.model()
        let units = TextUnits("这个物流太差了")
        let p = model.predict(units: units)
        let tokens = model.explain(units: units, label: p.labelIndex, top: 3)
        XCTAssertFalse(tokens.isEmpty)
        XCTAssertTrue(tokens.contains { $0.text.contains("差") }, "\(tokens)")
    }

    func testModelFileRoundTripAndChecksum() throws {
        let model = try ToyCorpus.model()
        let data = try SentimentModelFile.encode(model)
        let back = try SentimentModelFile.decode(data)
        XCTAssertEqual(back.labels, model.labels)
        XCTAssertEqual(back.vocabulary.keys, model.vocabulary.keys)
        for text in ["物流很好", "The battery is terrible", "一般"] {
            XCTAssertEqual(back.predict(text).label, model.predict(text).label)
            XCTAssertEqual(back.predict(text).score, model.predict(text).score, accuracy: 0.01)  // float16 weights
        }
        var corrupt = data
        corrupt[corrupt.count / 2] ^= 0xFF
        XCTAssertThrowsError(try SentimentModelFile.decode(corrupt)) { e in
            XCTAssertTrue("\(e)".contains("checksum"), "\(e)")
        }
        XCTAssertThrowsError(try SentimentModelFile.decode(data.prefix(100)))
    }

    func testMetrics() {
        let m = SentimentMetrics(labels: ["negative", "positive"], gold: [0, 0, 1, 1], predicted: [0, 1, 1, 1])
        XCTAssertEqual(m.accuracy, 0.75)
        XCTAssertEqual(m.confusion, [[1, 1], [0, 2]])
        XCTAssertEqual(m.perClass[0].precision, 1)
        XCTAssertEqual(m.perClass[0].recall, 0.5)
        XCTAssertEqual(m.perClass[1].precision, 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(m.macroF1, (2.0 / 3.0 + 0.8) / 2, accuracy: 1e-9)
    }
}
