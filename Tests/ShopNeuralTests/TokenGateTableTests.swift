import ShopCore
import XCTest
import Dispatch
@testable import ShopNeural

/// The per-token input-gate tables of inference: same answers as the products, never stale.
final class TokenGateTableTests: XCTestCase {
    func model(wide: Bool = true, seed: UInt64 = 3) -> TextClassifier {
        var config = TextClassifierConfig(vocabSize: 40, numClasses: 3, embedDim: 7, hiddenSize: 5, attentionSize: 4,
                                          wideBuckets: wide ? 13 : 0, wideDim: 3, seed: seed)
        config.maxLength = 12
        return TextClassifier(config: config)
    }

    /// Mixed lengths (empty, longer than maxLength), padding ids, unknown ids (too large, negative).
    func inputs(_ n: Int, seed: UInt64) -> (seqs: [[Int32]], wide: [[Int32]]) {
        var rng = SeededRandom(seed: seed)
        let seqs: [[Int32]] = (0..<n).map { i in
            if i == 0 { return [] }
            if i == 1 { return [0, 0, 3] }  // padding ids inside a sequence
            if i == 2 { return [45, -3, 1000, 2] }  // out of range → unknown id
            return (0..<rng.int(below: 20)).map { _ in Int32(rng.int(below: 50)) - 2 }
        }
        return (seqs, seqs.map { s in s.map { $0 & 15 } })
    }

    func assertSamePredictions(_ m: TextClassifier, _ seqs: [[Int32]], _ wide: [[Int32]],
                               file: StaticString = #filePath, line: UInt = #line) {
        let viaTable = m.predict(batch: seqs, wide: wide, gateTables: true)
        let viaProducts = m.predict(batch: seqs, wide: wide, gateTables: false)
        XCTAssertEqual(viaTable.count, viaProducts.count, file: file, line: line)
        for (a, b) in zip(viaTable, viaProducts) {
            XCTAssertEqual(a.probabilities.count, b.probabilities.count, file: file, line: line)
            XCTAssertEqual(a.attention.count, b.attention.count, file: file, line: line)
            for (x, y) in zip(a.probabilities, b.probabilities) { XCTAssertEqual(x, y, accuracy: 1e-5, file: file, line: line) }
            for (x, y) in zip(a.attention, b.attention) { XCTAssertEqual(x, y, accuracy: 1e-5, file: file, line: line) }
        }
    }

    func testTablePathEqualsProductPathWithPaddingAndUnknownIds() {
        for wide in [true, false] {
            let m = model(wide: wide)
            let (seqs, bags) = inputs(120, seed: 7)
            assertSamePredictions(m, seqs, bags)
            // The table was really used, and only rows of ids that occurred were computed.
            let table = m.gateCache.currentTable
            XCTAssertNotNil(table)
            let used = Set(seqs.flatMap { $0 }.map { $0 >= 0 && $0 < 40 ? $0 : 1 } + [0])
            XCTAssertEqual(table?.filledCount, used.count)
            // A second call reuses it.
            _ = m.predict(batch: seqs, wide: bags)
            XCTAssertTrue(m.gateCache.currentTable === table)
        }
    }

    func testOneRowEqualsEmbeddingTimesInputWeightsPlusBias() {
        let m = model()
        _ = m.predict(batch: [[5]])
        let table = m.gateCache.currentTable!
        let E = m.config.embedDim, G = 4 * m.config.hiddenSize
        for (lstm, cols) in [(m.encoder.forwardLSTM, table.forwardColumns), (m.encoder.reverseLSTM, table.reverseColumns)] {
            let row = cols.row(5)
            for j in 0..<G {
                var s = lstm.bias.value[j]
                for k in 0..<E { s += m.embedding.weight.value[5 * E + k] * lstm.weightIH.value[j * E + k] }
                XCTAssertEqual(row[j], s, accuracy: 1e-5)
            }
        }
    }

    /// Which rows are filled together depends on which thread asks first: a row's bits must
    /// not (OpenBLAS's sgemm on Zen summed by a row's place in the call, and `sentiment tag`
    /// gave another attention weight in the 4th decimal from run to run).
    func testARowsBitsDoNotDependOnTheRowsFilledWithIt() {
        var config = TextClassifierConfig(vocabSize: 300, numClasses: 2, embedDim: 24, hiddenSize: 16, attentionSize: 8,
                                          wideBuckets: 0, wideDim: 0, seed: 11)
        config.maxLength = 64
        let m = TextClassifier(config: config)
        func rows(_ fills: [[Int32]]) -> [Int: [UInt32]] {
            let table = TokenGateTable(vocabSize: 300, hiddenSize: 16, versions: [])
            for ids in fills { table.fill(ids: ids, embedding: m.embedding, encoder: m.encoder) }
            var out: [Int: [UInt32]] = [:]
            for id in [0, 5, 17, 250, 299] {
                let f = table.forwardColumns.row(id), r = table.reverseColumns.row(id)
                out[id] = (0..<64).map { f[$0].bitPattern } + (0..<64).map { r[$0].bitPattern }
            }
            return out
        }
        let alone = rows([[0], [5], [17], [250], [299]])
        // Over 32 rows at once (the two directions on two threads), in other places and orders.
        var rng = SeededRandom(seed: 4)
        let crowd = (0..<120).map { _ in Int32(rng.int(below: 300)) }
        XCTAssertEqual(rows([crowd + [299, 250, 17, 5, 0]]), alone)
        XCTAssertEqual(rows([[299, 250, 17, 5, 0] + crowd]), alone)
        XCTAssertEqual(rows([Array(crowd.prefix(40)), [17, 5], crowd + [0, 250, 299]]), alone)
    }

    func testEveryKindOfWriteBumpsTheVersion() {
        let p = Parameter(name: "p", rows: 3, cols: 2)
        var last = p.version
        func bumped(_ what: String, line: UInt = #line) {
            XCTAssertGreaterThan(p.version, last, what, line: line); last = p.version
        }
        p.value[1] = 2; bumped("element")
        p.value = [Float](repeating: 1, count: 6); bumped("whole array")
        p.value.withUnsafeMutableBufferPointer { $0[0] = 3 }; bumped("in place")
        var rng = SeededRandom(seed: 1)
        p.initUniform(0.1, rng: &rng); bumped("initUniform")
        p.grad = [Float](repeating: 0.5, count: 6)
        Adam(parameters: [p]).step(); bumped("Adam")
        let e = Embedding(vocabSize: 4, dim: 2, rng: &rng)
        var v = e.weight.version
        e.setVector([1, 2], for: 3); XCTAssertGreaterThan(e.weight.version, v); v = e.weight.version
        e.load(pretrained: Matrix(rows: 2, cols: 2, data: [1, 2, 3, 4])); XCTAssertGreaterThan(e.weight.version, v)
        // Reading does not count.
        let before = p.version
        _ = p.value.reduce(0, +); p.value.withUnsafeBufferPointer { _ = $0.count }
        XCTAssertEqual(p.version, before)
    }

    func testTrainingStepInvalidatesTheTable() {
        let m = model()
        let (seqs, bags) = inputs(60, seed: 11)
        let before = m.predict(batch: seqs, wide: bags)
        let oldTable = m.gateCache.currentTable
        let adam = Adam(parameters: m.parameters, learningRate: 0.05)
        var rng = SeededRandom(seed: 4)
        adam.zeroGrad()
        _ = m.lossAndGradients(batch: Array(seqs.prefix(30)), wide: Array(bags.prefix(30)),
                               labels: (0..<30).map { $0 % 3 }, training: true, rng: &rng)
        adam.step()
        let after = m.predict(batch: seqs, wide: bags)
        XCTAssertFalse(m.gateCache.currentTable === oldTable, "a new table after the weights changed")
        XCTAssertNotEqual(before.map(\.probabilities), after.map(\.probabilities), "the step changed the predictions")
        assertSamePredictions(m, seqs, bags)
    }

    func testEmbeddingEditsAndRestoresInvalidateTheTable() {
        let m = model(wide: false)
        let seqs: [[Int32]] = [[5, 6, 7], [7, 5], [9]]
        let p0 = m.predict(batch: seqs)
        // setVector on a token the table already holds.
        m.embedding.setVector([Float](repeating: 0.9, count: m.config.embedDim), for: 5)
        let p1 = m.predict(batch: seqs)
        XCTAssertNotEqual(p0[0].probabilities, p1[0].probabilities)
        assertSamePredictions(m, seqs, seqs)
        // load(pretrained:)
        m.embedding.load(pretrained: Matrix(rows: 10, cols: m.config.embedDim,
                                            data: (0..<(10 * m.config.embedDim)).map { Float($0 % 7) * 0.1 - 0.3 }))
        let p2 = m.predict(batch: seqs)
        XCTAssertNotEqual(p1[0].probabilities, p2[0].probabilities)
        assertSamePredictions(m, seqs, seqs)
        // Restoring another model's weights from an archive gives exactly that model's predictions.
        let other = model(wide: false, seed: 99)
        var archive = ModelArchive(kind: TextClassifier.archiveKind, config: Data("{}".utf8))
        for p in other.parameters { archive.add(p) }
        for p in m.parameters { XCTAssertNoThrow(try archive.restore(p)) }
        let p3 = m.predict(batch: seqs), expected = other.predict(batch: seqs)
        for (a, b) in zip(p3, expected) { XCTAssertEqual(a.probabilities, b.probabilities) }
        // Direct writes to an LSTM input weight or bias count too.
        m.encoder.reverseLSTM.bias.value[2] += 1
        assertSamePredictions(m, seqs, seqs)
        m.encoder.forwardLSTM.weightIH.value[0] -= 1
        assertSamePredictions(m, seqs, seqs)
    }

    func testConcurrentFirstPredictCallsAgree() {
        let m = model()
        let (seqs, bags) = inputs(200, seed: 21)
        let reference = model().predict(batch: seqs, wide: bags, gateTables: false).map(\.probabilities)
        let results = UncheckedResults(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            // Different slices first, so threads fill different rows at the same time.
            let lo = (k * 25) % 200
            _ = m.predict(batch: Array(seqs[lo..<min(200, lo + 25)]), wide: Array(bags[lo..<min(200, lo + 25)]))
            results.set(k, m.predict(batch: seqs, wide: bags).map(\.probabilities))
        }
        for k in 0..<8 {
            for (a, b) in zip(results.get(k), reference) {
                for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-5) }
            }
        }
    }

    func testMemoryBudget() {
        XCTAssertTrue(TokenGateCache.fits(vocabSize: 20_000, hiddenSize: 128))
        XCTAssertTrue(TokenGateCache.fits(vocabSize: 32_768, hiddenSize: 128))
        XCTAssertFalse(TokenGateCache.fits(vocabSize: 40_000, hiddenSize: 128))
        XCTAssertFalse(TokenGateCache.fits(vocabSize: Int.max / 4, hiddenSize: 128))
    }
}

/// The BiLSTM's two directions give the same output run one after the other (short inputs,
/// the chat's single message) as on two threads.
final class BiLSTMDirectionThreadsTests: XCTestCase {
    func testSequentialDirectionsEqualParallelOnes() {
        var config = TextClassifierConfig(vocabSize: 40, numClasses: 3, embedDim: 7, hiddenSize: 5, attentionSize: 4, seed: 9)
        config.maxLength = 12
        let m = TextClassifier(config: config)
        var rng = SeededRandom(seed: 21)
        for batch in [1, 3] {
            let steps = 9
            let lengths = (0..<batch).map { b in b == 0 ? steps : 1 + rng.int(below: steps) }
            var ids = [Int32](repeating: 0, count: steps * batch)
            for t in 0..<steps { for b in 0..<batch where t < lengths[b] { ids[t * batch + b] = Int32(2 + rng.int(below: 38)) } }
            let table = try! XCTUnwrap(m.gateCache.table(for: ids, embedding: m.embedding, encoder: m.encoder))
            let one = BiLSTM.Cache(), two = BiLSTM.Cache()
            m.encoder.forward(ids: ids, table: table, steps: steps, batch: batch, lengths: lengths, cache: one, parallelFrom: Int.max)
            m.encoder.forward(ids: ids, table: table, steps: steps, batch: batch, lengths: lengths, cache: two, parallelFrom: 0)
            XCTAssertEqual(one.output.data, two.output.data)
            XCTAssertTrue(one.output.data.contains { $0 != 0 })
        }
    }
}
