import Testing
import ShopNeural
@testable import ShopDialogue

/// The deep intent path started from given vectors (`NeuralIntentTrainer.pretrained`).
@Suite struct IntentEmbeddingsInitTests {
    static let texts = ["refund please", "my refund", "退款 please", "when ship", "ship it now", "几天 ship",
                        "hello there", "hello", "你好"]
    static let labels = [0, 0, 0, 1, 1, 1, 2, 2, 2]
    static let names = ["refund", "shipping", "greet"]
    /// Vectors for some tokens only; "there", "now", "it", … get none and stay random.
    static let given: [String: [Float]] = [
        "refund": [1, 0, 0, 0], "please": [0, 1, 0, 0], "ship": [0, 0, 1, 0],
        "hello": [0, 0, 0, 1], "退": [0.5, 0.5, 0, 0], "你": [0, 0, 0.5, -0.5],
    ]

    static func trainer(freeze: Bool, matchInitNorm: Bool, dimension: Int = 4) -> NeuralIntentTrainer {
        var t = NeuralIntentTrainer()
        t.epochs = 2
        t.embedDim = 4
        t.hiddenSize = 4
        t.attentionSize = 4
        t.batchSize = 4
        t.seed = 7
        t.pretrained = PretrainedVectors(dimension: dimension, freeze: freeze, matchInitNorm: matchInitNorm) { given[$0] }
        return t
    }

    static func train(_ t: NeuralIntentTrainer) throws -> NeuralIntentPath {
        try #require(t.train(texts, labels: labels, labelNames: names, dev: [], log: { _ in }) as? NeuralIntentPath)
    }

    static func row(_ p: NeuralIntentPath, _ token: String) -> [Float] {
        let id = Int(p.vocabulary[token]!), d = p.network.embedding.dim
        return Array(p.network.embedding.weight.value[(id * d)..<((id + 1) * d)])
    }

    @Test func frozenRowsAreTheGivenVectorsAndTheRestStayRandom() throws {
        let path = try Self.train(Self.trainer(freeze: true, matchInitNorm: false))
        // Same config and seed = the random start the trainer began from.
        let fresh = TextClassifier(config: path.network.config)
        let freshRow = { (t: String) -> [Float] in
            let id = Int(path.vocabulary[t]!)
            return Array(fresh.embedding.weight.value[(id * 4)..<((id + 1) * 4)])
        }
        for (token, v) in Self.given { #expect(Self.row(path, token) == v, "row of \(token)") }
        for token in ["there", "now", "it", "when", "my", "几", "天", "好"] {
            #expect(Self.row(path, token) == freshRow(token), "random row of \(token)")
        }
        #expect(path.embeddingInit == EmbeddingInitReport(rows: path.vocabulary.count, found: Self.given.count, frozen: true))
        // Training did run: the LSTM moved away from its start.
        #expect(path.network.encoder.parameters[0].value != fresh.encoder.parameters[0].value)
    }

    @Test func fineTunedRowsMoveDuringTraining() throws {
        let path = try Self.train(Self.trainer(freeze: false, matchInitNorm: false))
        let moved = Self.given.filter { Self.row(path, $0.key) != $0.value }
        #expect(!moved.isEmpty)
        #expect(path.embeddingInit?.frozen == false)
    }

    @Test func rowsAreRescaledToTheRandomRowsNorm() throws {
        let path = try Self.train(Self.trainer(freeze: true, matchInitNorm: true))
        let fresh = TextClassifier(config: path.network.config)
        let ids = path.vocabulary.values.map(Int.init)
        let initNorm = ids.map { id in PretrainedVectors.norm(Array(fresh.embedding.weight.value[(id * 4)..<((id + 1) * 4)])) }
            .reduce(0, +) / Float(ids.count)
        var norms: [Float] = []
        for (token, v) in Self.given {
            let r = Self.row(path, token)
            let cos = zip(r, v).map { $0 * $1 }.reduce(0, +) / (PretrainedVectors.norm(r) * PretrainedVectors.norm(v))
            #expect(cos > 0.9999, "direction of \(token)")
            norms.append(PretrainedVectors.norm(r))
        }
        #expect(abs(norms.reduce(0, +) / Float(norms.count) - initNorm) < 1e-4 * initNorm)
    }

    @Test func dimensionMismatchIsATypedError() throws {
        #expect(throws: PretrainedVectorsError.dimensionMismatch(embedDim: 4, vectorsDimension: 3)) {
            _ = try Self.trainer(freeze: false, matchInitNorm: true, dimension: 3)
                .train(Self.texts, labels: Self.labels, labelNames: Self.names, dev: [], log: { _ in })
        }
        var t = Self.trainer(freeze: false, matchInitNorm: true)
        t.pretrained = PretrainedVectors(dimension: 4) { $0 == "ship" ? [1, 2] : nil }
        #expect(throws: PretrainedVectorsError.badVector(word: "ship", length: 2, expected: 4)) {
            _ = try t.train(Self.texts, labels: Self.labels, labelNames: Self.names, dev: [], log: { _ in })
        }
    }
}
