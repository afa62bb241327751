import ShopCore
import Foundation
import XCTest
import ShopNeural
@testable import ShopSentiment

/// Transfer from the review-level sentiment model into aspect polarity: the mix, its
/// dev choice, the clause window, and the model file that carries the sentiment model.
final class AspectSentimentTransferTests: XCTestCase {
    /// A zero mix leaves the network's probabilities as they are; positive evidence moves
    /// mass from negative to positive; the neutral terms move neutral alone.
    func testMixDirections() {
        let p: [Float] = [0.3, 0.3, 0.4]
        let e = AspectPolarityMix.Evidence(window: 2, sentence: 1)
        for (a, b) in zip(AspectPolarityMix(window: 5).apply(p, e), p) { XCTAssertEqual(a, b, accuracy: 1e-6) }
        let up = AspectPolarityMix(window: 5, windowWeight: 0.5, sentenceWeight: 0.5).apply(p, e)
        XCTAssertGreaterThan(up[2], p[2]); XCTAssertLessThan(up[0], p[0])
        let down = AspectPolarityMix(window: 5, windowWeight: 0.5).apply(p, AspectPolarityMix.Evidence(window: -2, sentence: 0))
        XCTAssertGreaterThan(down[0], p[0]); XCTAssertLessThan(down[2], p[2])
        let neutral = AspectPolarityMix(window: 5, neutralBias: 1).apply(p, e)
        XCTAssertGreaterThan(neutral[1], p[1])
        XCTAssertEqual(neutral[0] / neutral[2], p[0] / p[2], accuracy: 1e-5, "the neutral bias must not move the other two against each other")
        let penalised = AspectPolarityMix(window: 5, neutralPenalty: 0.5).apply(p, e)
        XCTAssertLessThan(penalised[1], p[1])
        XCTAssertEqual(AspectPolarityMix.logOdds(0.5), 0, accuracy: 1e-6)
        XCTAssertEqual(AspectPolarityMix.logOdds(1), AspectPolarityMix.clip)
        XCTAssertEqual(AspectPolarityMix.logOdds(0), -AspectPolarityMix.clip)
    }

    /// On dev terms where the network is unsure and the evidence is right, tuning finds a
    /// mix that is right everywhere; with evidence that says nothing it keeps the network.
    func testTuneUsesInformativeEvidenceOnly() {
        var gold: [Int] = [], probs: [[Float]] = [], good: [AspectPolarityMix.Evidence] = [], noise: [AspectPolarityMix.Evidence] = []
        for i in 0..<120 {
            let g = i % 2 == 0 ? 0 : 2
            gold.append(g)
            // The network is right on two thirds of the terms, barely.
            let right = i % 3 != 0
            let winner = right ? g : 2 - g
            var p: [Float] = [0.3, 0.3, 0.3]
            p[winner] = 0.4
            probs.append(p)
            good.append(.init(window: g == 2 ? 3 : -3, sentence: 0))
            noise.append(.init(window: 0, sentence: 0))
        }
        let windows = [5]
        let (mix, dev) = AspectPolarityMix.tune(probabilities: probs, evidence: [good], gold: gold, windows: windows)
        XCTAssertEqual(dev.accuracy, 1, accuracy: 1e-9)
        XCTAssertGreaterThan(mix.windowWeight, 0)
        let (same, devSame) = AspectPolarityMix.tune(probabilities: probs, evidence: [noise], gold: gold, windows: windows)
        XCTAssertEqual(same, AspectPolarityMix(window: 5), "evidence that is always 0 must leave the network alone")
        XCTAssertEqual(devSame.accuracy, 80.0 / 120, accuracy: 1e-9)
    }

    /// Class offsets: when the network leans positive on negative terms (a confusion no
    /// neutral bias can undo), tuning with `classOffsets` finds a negative-class offset and
    /// fixes them; without it, or when nothing needs fixing, the mix has none.
    func testClassOffsetsFindANegativePrior() {
        var gold: [Int] = [], probs: [[Float]] = []
        for i in 0..<90 {
            let g = i % 3
            gold.append(g)
            probs.append(g == 0 ? [0.4, 0.1, 0.5] : g == 1 ? [0.1, 0.8, 0.1] : [0.1, 0.1, 0.8])
        }
        let zeros = [AspectPolarityMix.Evidence](repeating: .init(window: 0, sentence: 0), count: gold.count)
        let (plain, devPlain) = AspectPolarityMix.tune(probabilities: probs, evidence: [zeros], gold: gold, windows: [5])
        XCTAssertNil(plain.negativeBias)
        XCTAssertEqual(devPlain.accuracy, 2.0 / 3, accuracy: 1e-9)
        let (offset, devOffset) = AspectPolarityMix.tune(probabilities: probs, evidence: [zeros], gold: gold, windows: [5], classOffsets: true)
        XCTAssertEqual(offset.negativeBias, 0.25)
        XCTAssertEqual(devOffset.accuracy, 1, accuracy: 1e-9)
        let p = offset.apply([0.4, 0.1, 0.5], .init(window: 0, sentence: 0))
        XCTAssertGreaterThan(p[0], p[2])
        let fixed = probs.enumerated().map { $0.offset % 3 == 0 ? [Float(0.6), 0.1, 0.3] : $0.element }
        let (none, _) = AspectPolarityMix.tune(probabilities: fixed, evidence: [zeros], gold: gold, windows: [5], classOffsets: true)
        XCTAssertNil(none.negativeBias, "an offset that gains nothing must not be kept")
    }

    /// The window is the term's own clause: the README sample's screen does not see "great".
    func testWindowStaysInTheClause() {
        let w = AspectSentimentTransfer.windowText(left: "The battery life is great, but the ", term: "screen",
                                                   right: " scratches easily.", window: 5)
        XCTAssertFalse(w.contains("great"), w)
        XCTAssertTrue(w.contains("screen") && w.contains("scratches"), w)
        let b = AspectSentimentTransfer.windowText(left: "The ", term: "battery life", right: " is great, but the screen scratches easily.", window: 5)
        XCTAssertTrue(b.contains("great") && !b.contains("scratches"), b)
        let cut = AspectSentimentTransfer.windowText(left: "one two three four five six ", term: "screen", right: " a b c d e f g", window: 2)
        XCTAssertEqual(cut, "five six screen a b")
        XCTAssertEqual(AspectSentimentTransfer.windowText(left: "", term: "", right: "", window: 3), "")
    }

    /// A model with a transfer sentiment model writes it inside its file and reads it back
    /// with the same mix and the same mixed probabilities; a version-1 file (network only)
    /// still loads.
    func testFileCarriesTheSentimentModel() throws {
        let (sentiment, bytes) = try Self.toySentiment()
        var config = AspectPolarityConfig(vocabSize: 9)
        config.embedDim = 4; config.hiddenSize = 3; config.attentionSize = 3; config.seed = 3
        let mix = AspectPolarityMix(window: 5, windowWeight: 0.6, sentenceWeight: 0.2, neutralBias: -0.25, neutralPenalty: 0.1)
        let model = AspectPolarityModel(network: AspectPolarityNetwork(config: config), vocabulary: (0..<7).map { "w\($0)" },
                                        transfer: try AspectSentimentTransfer(sentiment: sentiment, fileBytes: bytes, mix: mix))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("absa-t-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.model").path
        try model.save(to: path)
        let loaded = try AspectPolarityModel.load(path)
        XCTAssertEqual(loaded.transfer?.mix, mix)
        let contexts = [AspectPolarityContext(left: "The ", term: "battery", right: " is terrible."),
                        AspectPolarityContext(left: "The ", term: "screen", right: " is great.")]
        let a = model.predict(contexts: contexts), b = loaded.predict(contexts: contexts)
        for (x, y) in zip(a, b) { for (u, v) in zip(x.probabilities, y.probabilities) { XCTAssertEqual(u, v, accuracy: 0.02) } }
        // The sentiment model's opinion reaches the output: the terrible battery is more negative than the network alone says.
        let alone = model.network.predict(contexts.map { model.input(left: $0.left, term: $0.term, right: $0.right) })
        XCTAssertGreaterThan(a[0].probabilities[0], alone[0].probabilities[0])
        XCTAssertGreaterThan(a[1].probabilities[2], alone[1].probabilities[2])

        // Version 1: no mix, no transfer tensor.
        let v1 = dir.appendingPathComponent("v1.model").path
        let meta = AspectPolarityModel.Metadata(absaVersion: 1, labels: AspectPolarityModel.labels, vocabulary: model.vocabulary, training: [:])
        var archive = ModelArchive(kind: AspectPolarityModel.kind, config: try JSONEncoder().encode(config),
                                   appMetadata: try JSONEncoder().encode(meta))
        for p in model.network.parameters { archive.add(p) }
        try archive.write(to: v1)
        let old = try AspectPolarityModel.load(v1)
        XCTAssertNil(old.transfer)

        // `--transfer-from` takes the sentiment model out of an aspect model file (the
        // default recipe reuses the shipped one's), or refuses a file that has none.
        XCTAssertEqual(try AspectSentimentTransfer.read(path, mix: mix).fileBytes, bytes)
        let plain = dir.appendingPathComponent("s.model").path
        try Data(bytes).write(to: URL(fileURLWithPath: plain))
        XCTAssertEqual(try AspectSentimentTransfer.read(plain, mix: mix).fileBytes, bytes)
        XCTAssertThrowsError(try AspectSentimentTransfer.read(v1, mix: mix)) { e in
            XCTAssertTrue("\(e)".contains(v1) && "\(e)".contains("without a transfer"), "\(e)")
        }
        XCTAssertEqual(old.predict(contexts: contexts).map(\.label), model.predict(contexts.map { model.input(left: $0.left, term: $0.term, right: $0.right) }).map(\.label))
    }

    /// `apply` computes only the evidence its mix weighs; for every kind of mix it must give
    /// what the mix gives on the full evidence (the tuning path).
    func testApplyComputesOnlyWhatTheMixUsesWithTheSameResult() throws {
        let (sentiment, bytes) = try Self.toySentiment()
        let contexts = [AspectPolarityContext(left: "The ", term: "battery", right: " is terrible, but the screen is great."),
                        AspectPolarityContext(left: "The ", term: "screen", right: " is great."),
                        AspectPolarityContext(left: "", term: "price", right: "")]
        let probabilities: [[Float]] = [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3], [0.1, 0.8, 0.1]]
        let mixes = [AspectPolarityMix(window: 3, windowWeight: 0.2),
                     AspectPolarityMix(window: 5, sentenceWeight: 0.3),
                     AspectPolarityMix(window: 8, neutralBias: 0.25, neutralPenalty: 0.2),
                     AspectPolarityMix(window: 100, windowWeight: 0.4, sentenceWeight: 0.1, neutralBias: -0.5, neutralPenalty: 0.1),
                     AspectPolarityMix(window: 3)]
        for mix in mixes {
            let t = try AspectSentimentTransfer(sentiment: sentiment, fileBytes: bytes, mix: mix)
            let full = t.evidence(contexts, windows: [mix.window])[0]
            XCTAssertEqual(t.apply(probabilities, contexts: contexts), zip(probabilities, full).map { mix.apply($0, $1) }, "\(mix)")
        }
    }

    /// An ensemble file averages its members' probabilities, and reads back the same
    /// (float16: close); members must share the transfer sentiment model.
    func testEnsembleAveragesAndRoundTrips() throws {
        func model(seed: UInt64, transfer: AspectSentimentTransfer? = nil) -> AspectPolarityModel {
            var config = AspectPolarityConfig(vocabSize: 9)
            config.embedDim = 4; config.hiddenSize = 3; config.attentionSize = 3; config.seed = seed
            return AspectPolarityModel(network: AspectPolarityNetwork(config: config), vocabulary: (0..<7).map { "w\($0)" }, transfer: transfer)
        }
        let a = model(seed: 3), b = model(seed: 4), c = model(seed: 5)
        let contexts = [AspectPolarityContext(left: "w1 ", term: "w2", right: " w3 w4"), AspectPolarityContext(left: "", term: "w5", right: " w0")]
        let e = try AspectPolarityModel.ensemble([a, b, c])
        XCTAssertEqual(e.members.count, 2)
        let pa = a.probabilities(contexts), pb = b.probabilities(contexts), pc = c.probabilities(contexts), pe = e.probabilities(contexts)
        for i in contexts.indices {
            for j in 0..<3 { XCTAssertEqual(pe[i][j], (pa[i][j] + pb[i][j] + pc[i][j]) / 3, accuracy: 1e-6) }
            XCTAssertNotEqual(pa[i], pb[i], "the members must differ for the test to mean anything")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("absa-e-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("e.model").path
        try e.save(to: path)
        let loaded = try AspectPolarityModel.load(path)
        XCTAssertEqual(loaded.members.count, 2)
        for (x, y) in zip(loaded.probabilities(contexts), pe) { for (u, v) in zip(x, y) { XCTAssertEqual(u, v, accuracy: 0.02) } }

        let sentiment = try SentimentTraining.train(
            train: ToyCorpus.examples(), dev: ToyCorpus.examples(seed: 9, count: 40),
            config: SentimentTrainingConfig(features: FeatureOptions(order: 2, hanOrder: 3), minCount: 1,
                                            hyper: LinearHyperParameters(epochs: 2, learningRate: 0.3, l2: 1e-5), seeds: [1]),
            info: ModelInfo())
        let t = try AspectSentimentTransfer(sentiment: sentiment, fileBytes: [UInt8](try SentimentModelFile.encode(sentiment)),
                                            mix: AspectPolarityMix(window: 3, windowWeight: 0.5))
        XCTAssertThrowsError(try AspectPolarityModel.ensemble([model(seed: 3, transfer: t), b]))
        // Members keep their own mix and share the stored sentiment model.
        let mixed = try AspectPolarityModel.ensemble([model(seed: 3, transfer: t), model(seed: 4, transfer: t.with(mix: AspectPolarityMix(window: 8, neutralBias: 0.5)))])
        let mpath = dir.appendingPathComponent("m.model").path
        try mixed.save(to: mpath)
        let back = try AspectPolarityModel.load(mpath)
        XCTAssertEqual(back.transfer?.mix, t.mix)
        XCTAssertEqual(back.members.first?.transfer?.mix, AspectPolarityMix(window: 8, neutralBias: 0.5))
        for (x, y) in zip(back.probabilities(contexts), mixed.probabilities(contexts)) { for (u, v) in zip(x, y) { XCTAssertEqual(u, v, accuracy: 0.02) } }
    }

    /// A small sentiment model trained on the toy corpus, and its file bytes.
    static func toySentiment() throws -> (SentimentModel, [UInt8]) {
        let sentiment = try SentimentTraining.train(
            train: ToyCorpus.examples(), dev: ToyCorpus.examples(seed: 9, count: 40),
            config: SentimentTrainingConfig(features: FeatureOptions(order: 2, hanOrder: 3), minCount: 1,
                                            hyper: LinearHyperParameters(epochs: 3, learningRate: 0.3, l2: 1e-5), seeds: [1]),
            info: ModelInfo())
        return (sentiment, [UInt8](try SentimentModelFile.encode(sentiment)))
    }
}
