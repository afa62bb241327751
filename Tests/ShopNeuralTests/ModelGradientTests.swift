import XCTest
@testable import ShopNeural

/// The whole models' gradients (every parameter tensor) against finite differences.
final class ModelGradientTests: XCTestCase {
    func testTextClassifierWithWidePathPaddingAndDropout() {
        let config = TextClassifierConfig(vocabSize: 9, numClasses: 3, embedDim: 4, hiddenSize: 3, attentionSize: 3,
                                          dropout: 0.3, wideBuckets: 11, wideDim: 3, seed: 3)
        let model = TextClassifier(config: config)
        for p in model.parameters where p.name.hasSuffix("bias") { for i in 0..<p.count { p.value[i] = 0.1 * Float(i % 5) - 0.2 } }
        if let wide = model.wide { var r = SeededRandom(seed: 4); wide.weight.initUniform(0.5, rng: &r) }
        // Uneven lengths (padding), an empty sequence, an out-of-vocabulary id, an empty bag.
        let batch: [[Int32]] = [[2, 5, 7, 3], [4, 1], [], [8, 8, 42]]
        let wide: [[Int32]] = [[1, 5], [], [3], [10, 2, 2]]
        let labels = [0, 2, 1, 2]
        let weights: [Float] = [1, 2, 0.5]
        // Dropout is on: the same RNG seed gives the same masks in every evaluation.
        func loss() -> Double {
            var rng = SeededRandom(seed: 77)
            let ws = TextClassifier.Workspace()
            withUnsafeMutablePointer(to: &rng) { model.forward(batch, wide: wide, workspace: ws, training: true, rng: $0) }
            var g = Matrix(rows: 0, cols: 0)
            return Double(SoftmaxCrossEntropy.loss(logits: ws.logits, labels: labels, classWeights: weights, gradient: &g))
        }
        for p in model.parameters { p.zeroGrad() }
        var rng = SeededRandom(seed: 77)
        let l = model.lossAndGradients(batch: batch, wide: wide, labels: labels, classWeights: weights, training: true,
                                       rng: &rng)
        XCTAssertEqual(Double(l), loss(), accuracy: 1e-6)
        let checker = GradientChecker(samples: 40)
        for p in model.parameters {
            // Embedding/bag: check the rows the batch uses (others have zero gradient, checked below).
            var indices: [Int]? = nil
            if p.isSparse {
                indices = p.touchedRows.flatMap { r in (r * p.cols)..<((r + 1) * p.cols) }
                let untouched = Set(0..<p.rows).subtracting(p.touchedRows)
                for r in untouched { XCTAssertTrue(p.grad[(r * p.cols)..<((r + 1) * p.cols)].allSatisfy { $0 == 0 }) }
            }
            let result = checker.check(p, indices: indices, loss: loss)
            XCTAssertGreaterThan(result.checked, 0, p.name)
            assertPassed(result)
        }
        // The padding row (id 0) never gets gradient; unknown id 42 maps to row 1.
        XCTAssertFalse(model.embedding.weight.touchedRows.contains(0))
        XCTAssertTrue(model.embedding.weight.touchedRows.contains(1))
    }

    func testFrozenEmbeddingsGetNoGradient() {
        var config = TextClassifierConfig(vocabSize: 9, numClasses: 2, embedDim: 4, hiddenSize: 3, attentionSize: 3,
                                          dropout: 0)
        config.freezeEmbeddings = true
        let model = TextClassifier(config: config)
        var rng = SeededRandom(seed: 1)
        _ = model.lossAndGradients(batch: [[2, 3]], labels: [1], training: false, rng: &rng)
        XCTAssertTrue(model.embedding.weight.grad.allSatisfy { $0 == 0 })
        XCTAssertTrue(model.embedding.weight.touchedRows.isEmpty)
        XCTAssertFalse(model.output.weight.grad.allSatisfy { $0 == 0 })
    }

    func testLanguageModel() {
        checkLanguageModel(selfNormalisation: 0)
    }

    /// With α > 0 the loss adds α · (log Z)² per token; log Z is recomputed here in Double
    /// from the raw logits, not from the model's log-softmax.
    func testSelfNormalisedLanguageModel() {
        checkLanguageModel(selfNormalisation: 0.3)
    }

    func checkLanguageModel(selfNormalisation alpha: Float, file: StaticString = #filePath, line: UInt = #line) {
        let model = LSTMLanguageModel(config: LanguageModelConfig(vocabSize: 8, embedDim: 4, hiddenSize: 3, dropout: 0.2,
                                                                  seed: 5, selfNormalisation: alpha))
        // Biases away from zero so that log Z is far from 0 and its term matters.
        for i in 0..<model.output.bias.count { model.output.bias.value[i] = 0.4 + 0.1 * Float(i) }
        let batch: [[Int32]] = [[2, 3, 4, 5, 3], [2, 6], [2], [2, 7, 99]]
        func loss() -> Double {
            var rng = SeededRandom(seed: 8)
            let ws = LSTMLanguageModel.Workspace()
            withUnsafeMutablePointer(to: &rng) { model.forward(batch, workspace: ws, training: true, rng: $0) }
            let V = model.config.vocabSize
            var total = 0.0, n = 0
            for r in ws.targets.indices where ws.targets[r] >= 0 {
                let row = (0..<V).map { Double(ws.logits.data[r * V + $0]) }
                let z = log(row.reduce(0) { $0 + exp($1) })
                total += z - row[Int(ws.targets[r])] + Double(alpha) * z * z
                n += 1
            }
            return total / Double(n)
        }
        for p in model.parameters { p.zeroGrad() }
        var rng = SeededRandom(seed: 8)
        let (l, n) = model.lossAndGradients(sequences: batch, training: true, rng: &rng)
        XCTAssertEqual(n, 4 + 1 + 0 + 2, file: file, line: line)
        XCTAssertEqual(Double(l), loss(), accuracy: 1e-5, file: file, line: line)
        let checker = GradientChecker(samples: 40)
        for p in model.parameters {
            let indices: [Int]? = p.isSparse ? p.touchedRows.flatMap { r in (r * p.cols)..<((r + 1) * p.cols) } : nil
            assertPassed(checker.check(p, indices: indices, loss: loss), file: file, line: line)
        }
    }
}
