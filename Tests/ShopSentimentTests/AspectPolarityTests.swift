import ShopCore
import Foundation
import XCTest
import ShopNeural
@testable import ShopSentiment

/// The trained aspect-polarity model: gradients of the whole network, learning which
/// aspect an opinion belongs to, and its model file.
final class AspectPolarityTests: XCTestCase {
    func tinyNetwork(seed: UInt64 = 3, localContext: Int? = nil, maxMeanPooling: Bool? = nil) -> AspectPolarityNetwork {
        var config = AspectPolarityConfig(vocabSize: 9)
        config.embedDim = 4; config.hiddenSize = 3; config.attentionSize = 3; config.dropout = 0; config.seed = seed
        config.localContext = localContext; config.maxMeanPooling = maxMeanPooling
        return AspectPolarityNetwork(config: config)
    }

    /// Central differences against the analytic gradient of the mean cross-entropy, for
    /// every parameter (sampled entries), including embedding rows of term words (which
    /// reach the loss both through the encoder and the attention query).
    func testNetworkGradients() {
        checkGradients(tinyNetwork())
    }

    /// The same check with LCF local context and max+mean pooling (version-3 networks):
    /// the max's gradient goes to the winning state only, the mean's to every real token.
    func testNetworkGradientsWithLocalContextAndPooling() {
        let net = tinyNetwork(localContext: 1, maxMeanPooling: true)
        XCTAssertEqual(net.output.parameters[0].cols, 8 * 3)
        checkGradients(net)
        checkGradients(tinyNetwork(seed: 4, maxMeanPooling: true))
    }

    /// Local context: tokens within `localContext` of the term weigh 1, further ones 1 − (d − local)/n.
    func testLocalContextWeights() {
        let ws = AspectPolarityNetwork.Workspace()
        let input = AspectPolarityInput(tokens: [2, 3, 4, 5, 6, 7], aspectStart: 1, aspectCount: 1)
        tinyNetwork(localContext: 2).forward([input], workspace: ws, rng: nil)
        let n: Float = 6
        let local: [Float] = [0, 0, 0, 0, 1, 2].map { 1 - $0 / n }
        XCTAssertEqual(ws.positionWeights, local)
        tinyNetwork().forward([input], workspace: ws, rng: nil)
        let plain: [Float] = [1, 0, 1, 2, 3, 4].map { 1 - $0 / n }
        XCTAssertEqual(ws.positionWeights, plain)
    }

    /// A version-3 network (pooling) round-trips through its file, written as version 3; a
    /// plain network is still written as version 2 so older builds read it.
    func testVersionThreeFileRoundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("absa-v3-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let vocabulary = (0..<7).map { "w\($0)" }
        for (net, version) in [(tinyNetwork(localContext: 2, maxMeanPooling: true), 3), (tinyNetwork(), 2)] {
            let model = AspectPolarityModel(network: net, vocabulary: vocabulary)
            let path = dir.appendingPathComponent("m\(version).model").path
            try model.save(to: path, storage: .float32)
            let meta = try ModelArchive.read(from: path).decodeAppMetadata(AspectPolarityModel.Metadata.self)
            XCTAssertEqual(meta.absaVersion, version)
            let back = try AspectPolarityModel.load(path)
            XCTAssertEqual(back.network.config, net.config)
            let input = model.input(left: "w1 w2 ", term: "w3", right: " w4 w5 w0")
            for (a, b) in zip(model.predict([input])[0].probabilities, back.predict([input])[0].probabilities) {
                XCTAssertEqual(a, b, accuracy: 1e-6)
            }
        }
    }

    /// `extra` sentences are trained on but never carved into dev: the dev count is that of
    /// `sentences` alone, and the training count grows by the extra terms.
    func testAlsoTrainSentencesStayOutOfDev() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 8; options.hiddenSize = 4; options.attentionSize = 4; options.epochs = 1; options.seed = 2
        let main = Self.synthetic(count: 50, seed: 1), extra = Self.synthetic(count: 30, seed: 5)
        let (_, alone) = try AspectPolarityTrainer.train(sentences: main, options: options, embeddings: nil, log: { _ in })
        let (_, with) = try AspectPolarityTrainer.train(sentences: main, extra: extra, options: options, embeddings: nil, log: { _ in })
        XCTAssertEqual(with.devExamples, alone.devExamples)
        XCTAssertEqual(with.trainExamples, alone.trainExamples + 60)
    }

    func checkGradients(_ net: AspectPolarityNetwork, file: StaticString = #filePath, line: UInt = #line) {
        let batch = [AspectPolarityInput(tokens: [2, 3, 4, 5], aspectStart: 1, aspectCount: 2),
                     AspectPolarityInput(tokens: [6, 7], aspectStart: 0, aspectCount: 1),
                     AspectPolarityInput(tokens: [8, 2, 3], aspectStart: 2, aspectCount: 1)]
        let labels = [0, 2, 1]
        for p in net.parameters { p.zeroGrad() }
        _ = net.lossAndGradients(batch, labels: labels, rng: nil)
        // Max pooling is not differentiable where the winning state changes: an entry whose
        // ±eps moves any maximum to another token is skipped (the function has a kink there).
        var winners: [Int] = []
        func loss() -> Double {
            let ws = AspectPolarityNetwork.Workspace()
            net.forward(batch, workspace: ws, rng: nil)
            winners = ws.maxRows
            var g = Matrix(rows: 0, cols: 0)
            return Double(SoftmaxCrossEntropy.loss(logits: ws.logits, labels: labels, gradient: &g))
        }
        _ = loss()
        let base = winners
        var skipped = 0
        var rng = SeededRandom(seed: 5)
        let eps: Float = 1e-2
        var checked = 0
        for p in net.parameters {
            let analytic = p.grad
            let candidates = p.name.hasPrefix("embedding") ? Array((2 * p.cols)..<p.count) : Array(0..<p.count)
            for _ in 0..<min(25, candidates.count) {
                let i = candidates[rng.int(below: candidates.count)]
                let original = p.value[i]
                p.value[i] = original + eps; let up = loss(); let upWinners = winners
                p.value[i] = original - eps; let down = loss()
                p.value[i] = original
                if upWinners != base || winners != base { skipped += 1; continue }
                let numeric = (up - down) / Double(2 * eps)
                let a = Double(analytic[i])
                XCTAssertLessThanOrEqual(abs(a - numeric), 2e-3 + 3e-2 * max(abs(a), abs(numeric)),
                                         "\(p.name)[\(i)]: analytic \(a), numeric \(numeric)", file: file, line: line)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100, "\(skipped) entries skipped at a max-pooling kink", file: file, line: line)
    }

    /// Two aspects in one sentence with opposite opinions: a model that ignored which term
    /// is asked about could not beat 50%.
    static func synthetic(count: Int, seed: UInt64) -> [ABSASentence] {
        let nouns = ["screen", "battery", "keyboard", "price", "service", "food", "staff", "sound"]
        let good = ["great", "excellent", "superb", "lovely"], bad = ["awful", "terrible", "poor", "horrible"]
        var rng = SeededRandom(seed: seed)
        var out: [ABSASentence] = []
        for k in 0..<count {
            let a = nouns[rng.int(below: nouns.count)]
            var b = nouns[rng.int(below: nouns.count)]
            while b == a { b = nouns[rng.int(below: nouns.count)] }
            let aGood = rng.int(below: 2) == 0
            let wa = aGood ? good[rng.int(below: 4)] : bad[rng.int(below: 4)]
            let wb = aGood ? bad[rng.int(below: 4)] : good[rng.int(below: 4)]
            let text = "the \(a) is \(wa) but the \(b) is \(wb) ."
            let fa = 4, fb = text.range(of: " \(b) is")!.lowerBound.utf16Offset(in: text) + 1
            out.append(ABSASentence(id: "\(k)", text: text, terms: [
                .init(term: a, polarity: aGood ? "positive" : "negative", from: fa, to: fa + a.count),
                .init(term: b, polarity: aGood ? "negative" : "positive", from: fb, to: fb + b.count),
            ], line: k + 1))
        }
        return out
    }

    func testLearnsWhichAspectAnOpinionIsAbout() throws {
        var options = AspectPolarityOptions()
        options.embedDim = 16; options.hiddenSize = 12; options.attentionSize = 12
        options.epochs = 12; options.patience = 12; options.dropout = 0.1; options.learningRate = 1e-2
        options.seed = 7
        let (model, _) = try AspectPolarityTrainer.train(sentences: Self.synthetic(count: 300, seed: 1), options: options,
                                                         embeddings: nil, log: { _ in })
        let test = model.evaluate(Self.synthetic(count: 100, seed: 2))
        XCTAssertGreaterThan(test.accuracy, 0.9, "accuracy \(test.accuracy)")

        // The file gives the same probabilities (float16 weights: close, not equal).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("absa-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.model").path
        try model.save(to: path)
        let loaded = try AspectPolarityModel.load(path)
        let input = model.input(left: "the ", term: "screen", right: " is awful but the battery is great")
        let p1 = model.predict([input])[0], p2 = loaded.predict([input])[0]
        XCTAssertEqual(p1.label, p2.label)
        for (a, b) in zip(p1.probabilities, p2.probabilities) { XCTAssertEqual(a, b, accuracy: 0.02) }
    }

    /// A file of another aspect-model version is refused with a message naming the file.
    func testOtherVersionIsRefused() throws {
        let net = tinyNetwork()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("absa-v-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.model").path
        let meta = AspectPolarityModel.Metadata(absaVersion: AspectPolarityModel.version + 1, labels: AspectPolarityModel.labels,
                                                vocabulary: (0..<7).map { "w\($0)" }, training: [:])
        var archive = ModelArchive(kind: AspectPolarityModel.kind, config: try JSONEncoder().encode(net.config),
                                   appMetadata: try JSONEncoder().encode(meta))
        for p in net.parameters { archive.add(p) }
        try archive.write(to: path)
        XCTAssertThrowsError(try AspectPolarityModel.load(path)) { e in
            XCTAssertTrue("\(e)".contains(path) && "\(e)".contains("version"), "\(e)")
        }
        XCTAssertThrowsError(try AspectPolarityModel.load(dir.appendingPathComponent("missing.model").path))
    }
}
