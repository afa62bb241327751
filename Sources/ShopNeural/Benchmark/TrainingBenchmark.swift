import Foundation
import ShopCore

/// Speed of the classifier stack on synthetic data (what `shopnlp bench train` runs):
/// training tokens/s (forward + backward + Adam step) and inference sequences/s.
public struct TrainingBenchmark: Sendable {
    /// The network timed; its `maxLength` is the length of every synthetic sequence.
    public var network = TextClassifierConfig(vocabSize: 20_000, numClasses: 2, embedDim: 128, hiddenSize: 128,
                                              attentionSize: 64, dropout: 0.2, maxLength: 64, seed: 1)
    public var batchSize = 64
    public var trainSteps = 20
    public var inferenceBatchSize = 256
    public var inferenceBatches = 8
    /// Dense Adam (every embedding row every step, as PyTorch's `Adam`) instead of lazy.
    public var denseAdam = false

    public struct Result: Sendable {
        public let trainTokensPerSecond: Double
        public let trainSecondsPerStep: Double
        public let inferenceSequencesPerSecond: Double
        public let finalLoss: Float
        /// Process CPU time / wall time over the timed part (2.0 = both cores busy).
        public let trainCPUUtilisation: Double
        public let inferenceCPUUtilisation: Double
        /// Figures computed from the calling thread's CPU time instead of wall time. That thread
        /// runs all serial work plus one of each two parallel halves, so on idle cores these
        /// approximate the wall-clock figures; on a loaded machine they are the fairer reading.
        public let trainTokensPerMainThreadCPUSecond: Double
        public let inferenceSequencesPerMainThreadCPUSecond: Double
        /// Wall time of the first (untimed, warm-up) inference batch, which also computes the
        /// per-token gate table rows of its ids (`TokenGateTable`): the cold-start cost.
        public let inferenceFirstBatchSeconds: Double
        /// Inference sequences/s when the per-token gate table is emptied before every timed
        /// batch (each batch pays for computing its rows): the cold figure beside the warm one.
        public let coldInferenceSequencesPerSecond: Double
    }

    public init() {}

    public func run() -> Result {
        let model = TextClassifier(config: network)
        let vocabSize = network.vocabSize, numClasses = network.numClasses, sequenceLength = network.maxLength
        var rng = SeededRandom(seed: network.seed &+ 1)
        func batch(_ n: Int) -> [[Int32]] {
            (0..<n).map { _ in (0..<sequenceLength).map { _ in Int32(2 + rng.int(below: vocabSize - 2)) } }
        }
        let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
        optimizer.lazySparseUpdates = !denseAdam
        let ws = TextClassifier.Workspace()
        let batches = (0..<4).map { _ in batch(batchSize) }
        let labels = (0..<4).map { _ in (0..<batchSize).map { _ in rng.int(below: numClasses) } }
        var loss: Float = 0
        func step(_ i: Int) {
            optimizer.zeroGrad()
            loss = model.lossAndGradients(batch: batches[i % 4], labels: labels[i % 4], training: true, rng: &rng,
                                          workspace: ws)
            optimizer.step()
        }
        for i in 0..<2 { step(i) }  // warm-up: allocations, page faults, BLAS buffers
        let t0 = Date(), c0 = CPUClock.processSeconds(), m0 = CPUClock.threadSeconds()
        for i in 0..<trainSteps { step(i) }
        let trainTime = Date().timeIntervalSince(t0), trainCPU = CPUClock.processSeconds() - c0
        let trainMain = CPUClock.threadSeconds() - m0

        let inputs = (0..<2).map { _ in batch(inferenceBatchSize) }
        let t0Infer = Date()
        _ = model.predict(batch: inputs[0])
        let firstBatch = Date().timeIntervalSince(t0Infer)
        let t1 = Date(), c1 = CPUClock.processSeconds(), m1 = CPUClock.threadSeconds()
        for i in 0..<inferenceBatches { _ = model.predict(batch: inputs[i % 2]) }
        let inferTime = Date().timeIntervalSince(t1), inferCPU = CPUClock.processSeconds() - c1
        let inferMain = CPUClock.threadSeconds() - m1
        // Cold: fresh batches, and the gate table invalidated (a write to the embedding bumps
        // its version) before each one, outside the clock.
        let coldInputs = (0..<inferenceBatches).map { _ in batch(inferenceBatchSize) }
        var coldTime = 0.0
        for input in coldInputs {
            let row0 = model.embedding.weight.value[0]
            model.embedding.weight.value[0] = row0
            let t = Date()
            _ = model.predict(batch: input)
            coldTime += Date().timeIntervalSince(t)
        }
        return Result(
            trainTokensPerSecond: Double(trainSteps * batchSize * sequenceLength) / trainTime,
            trainSecondsPerStep: trainTime / Double(trainSteps),
            inferenceSequencesPerSecond: Double(inferenceBatches * inferenceBatchSize) / inferTime,
            finalLoss: loss,
            trainCPUUtilisation: trainCPU / trainTime,
            inferenceCPUUtilisation: inferCPU / inferTime,
            trainTokensPerMainThreadCPUSecond: Double(trainSteps * batchSize * sequenceLength) / trainMain,
            inferenceSequencesPerMainThreadCPUSecond: Double(inferenceBatches * inferenceBatchSize) / inferMain,
            inferenceFirstBatchSeconds: firstBatch,
            coldInferenceSequencesPerSecond: Double(inferenceBatches * inferenceBatchSize) / coldTime)
    }
}
