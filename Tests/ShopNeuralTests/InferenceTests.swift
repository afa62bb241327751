import XCTest
import Dispatch
@testable import ShopNeural

final class InferenceTests: XCTestCase {
    func testPredictIsIndependentOfBatchCompositionAndThreads() {
        let model = TextClassifier(config: TextClassifierConfig(vocabSize: 50, numClasses: 4, embedDim: 8, hiddenSize: 6,
                                                                attentionSize: 5, wideBuckets: 31, wideDim: 4, seed: 2))
        var rng = SeededRandom(seed: 5)
        let seqs: [[Int32]] = (0..<300).map { _ in (0..<rng.int(below: 15)).map { _ in Int32(rng.int(below: 60)) } }
        let wide: [[Int32]] = seqs.map { s in s.map { $0 % 31 } }
        let all = model.predict(batch: seqs, wide: wide)
        XCTAssertEqual(all.count, 300)
        for (i, p) in all.enumerated() {
            XCTAssertEqual(p.probabilities.reduce(0, +), 1, accuracy: 1e-5)
            XCTAssertEqual(p.attention.count, seqs[i].count)
        }
        // One at a time gives the same answers (padding does not leak into results).
        for i in [0, 7, 150, 299] {
            let single = model.predict(batch: [seqs[i]], wide: [wide[i]])[0]
            for (a, b) in zip(single.probabilities, all[i].probabilities) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        }
        // Many threads at once get identical results.
        let results = UncheckedResults(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            results.set(k, model.predict(batch: seqs, wide: wide).map(\.probabilities))
        }
        for k in 0..<8 { XCTAssertEqual(results.get(k), all.map(\.probabilities)) }
    }
}

extension InferenceTests {
    func testLongInputsAreChunkedByTokenBudgetWithSameResults() {
        var config = TextClassifierConfig(vocabSize: 30, numClasses: 2, embedDim: 4, hiddenSize: 3, attentionSize: 3, seed: 1)
        config.maxLength = 600
        let model = TextClassifier(config: config)
        var rng = SeededRandom(seed: 2)
        let seqs: [[Int32]] = (0..<40).map { i in (0..<(i % 2 == 0 ? 500 : 700)).map { _ in Int32(rng.int(below: 30)) } }
        let all = model.predict(batch: seqs)
        for i in [0, 1, 39] {
            let one = model.predict(batch: [seqs[i]])[0]
            XCTAssertEqual(one.attention.count, min(seqs[i].count, 600))
            for (a, b) in zip(one.probabilities, all[i].probabilities) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        }
    }
}

final class UncheckedResults: @unchecked Sendable {
    private var values: [[[Float]]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [[Float]]) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> [[Float]] { lock.lock(); defer { lock.unlock() }; return values[i] }
}
