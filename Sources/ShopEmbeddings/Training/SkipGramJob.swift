import Foundation
import ShopNeural
import ShopCore

/// One training run's shared, read-only setup plus the per-thread loop. Each thread walks
/// its own shard of sentences for every epoch, with its own generator, updating the
/// shared `HogwildModel` in place.
struct SkipGramJob: @unchecked Sendable {
    let config: SkipGramConfig
    let model: HogwildModel
    let corpus: TokenCorpus
    let negatives: [Int32]
    let keep: [Float]
    let totalWords: Int
    let start: UInt64
    let progress: (@Sendable (TrainingProgress) -> Void)?
    let losses: ResultSlots<LossSum>

    /// How many tokens a thread walks before publishing its count and refreshing the rate.
    static let syncEvery = 10_000

    func run(thread t: Int, sentences: Range<Int>) {
        let dim = config.dimension
        let window = config.window
        let negativeCount = config.negative
        let baseRate = config.learningRate
        let table = SigmoidTable()
        var rng = SplitMix64(seed: config.seed &+ UInt64(t + 1) &* 0x9E37_79B9_7F4A_7C15)
        let hidden = UnsafeMutablePointer<Float>.allocate(capacity: dim)
        let grad = UnsafeMutablePointer<Float>.allocate(capacity: dim)
        defer { hidden.deallocate(); grad.deallocate() }
        var kept: [Int32] = []
        var negativePos = rng.below(negatives.count)
        var rate = baseRate
        var unsynced = 0
        var lossSum = 0.0, lossCount = 0
        var windowLoss = 0.0, windowCount = 0
        var lastReport = start

        corpus.ids.withUnsafeBufferPointer { ids in
        negatives.withUnsafeBufferPointer { negs in
        keep.withUnsafeBufferPointer { keepProb in
        model.rowStarts.withUnsafeBufferPointer { rowStarts in
        model.rowIDs.withUnsafeBufferPointer { rowIDs in
            let input = model.input, output = model.output
            for _ in 0..<config.epochs {
                for s in sentences {
                    let lo = corpus.sentenceStarts[s], hi = corpus.sentenceStarts[s + 1]
                    kept.removeAll(keepingCapacity: true)
                    for i in lo..<hi {
                        let w = ids[i]
                        let p = keepProb[Int(w)]
                        if p < 1 && rng.unit() > p { continue }
                        kept.append(w)
                    }
                    unsynced += hi - lo
                    for (i, w) in kept.enumerated() {
                        let b = 1 + rng.below(window)
                        let r0 = rowStarts[Int(w)], r1 = rowStarts[Int(w) + 1]
                        // The center word's input: its own row, or its row and subword rows weighted
                        // as in HogwildModel.weights.
                        let h: UnsafePointer<Float>
                        let (wordWeight, unitWeight) = HogwildModel.weights(subwordCount: r1 - r0 - 1)
                        if r1 - r0 == 1 {
                            h = UnsafePointer(input + Int(w) * dim)
                        } else {
                            hidden.initialize(repeating: 0, count: dim)
                            VectorMath.axpy(wordWeight, input + Int(w) * dim, hidden, dim)
                            for r in (r0 + 1)..<r1 { VectorMath.axpy(unitWeight, input + Int(rowIDs[r]) * dim, hidden, dim) }
                            h = UnsafePointer(hidden)
                        }
                        grad.initialize(repeating: 0, count: dim)
                        var any = false
                        for j in max(0, i - b)...min(kept.count - 1, i + b) where j != i {
                            any = true
                            let target = Int(kept[j])
                            // Positive pair, then `negative` sampled negatives.
                            var out = output + target * dim
                            var score = table.sigmoid(VectorMath.dotSIMD(h, out, dim))
                            var alpha = rate * (1 - score)
                            VectorMath.axpy(alpha, out, grad, dim)
                            VectorMath.axpy(alpha, h, out, dim)
                            windowLoss -= Double(table.log(score))
                            for _ in 0..<negativeCount {
                                var neg: Int
                                repeat {
                                    neg = Int(negs[negativePos])
                                    negativePos += 1
                                    if negativePos == negs.count { negativePos = 0 }
                                } while neg == target && negs.count > 1 && model.wordCount > 1
                                out = output + neg * dim
                                score = table.sigmoid(VectorMath.dotSIMD(h, out, dim))
                                alpha = -rate * score
                                VectorMath.axpy(alpha, out, grad, dim)
                                VectorMath.axpy(alpha, h, out, dim)
                                windowLoss -= Double(table.log(1 - score))
                            }
                            windowCount += 1
                        }
                        if any {
                            VectorMath.axpy(wordWeight, grad, input + Int(w) * dim, dim)
                            for r in (r0 + 1)..<r1 { VectorMath.axpy(unitWeight, grad, input + Int(rowIDs[r]) * dim, dim) }
                        }
                    }
                    if unsynced >= SkipGramJob.syncEvery {
                        let done = model.processed.add(unsynced, ordering: .relaxed).newValue
                        unsynced = 0
                        rate = baseRate * max(0.0001, 1 - Float(Double(done) / Double(totalWords + 1)))
                        if t == 0, let progress {
                            let now = DispatchTime.now().uptimeNanoseconds
                            if now - lastReport > 200_000_000 {
                                lastReport = now
                                let loss = windowCount > 0 ? Float(windowLoss / Double(windowCount)) : 0
                                lossSum += windowLoss; lossCount += windowCount
                                windowLoss = 0; windowCount = 0
                                progress(TrainingProgress(processedWords: done, totalWords: totalWords,
                                                          elapsed: Double(now - start) / 1e9, loss: loss,
                                                          learningRate: rate))
                            }
                        }
                    }
                }
            }
        }}}}}
        model.processed.add(unsynced, ordering: .relaxed)
        lossSum += windowLoss; lossCount += windowCount
        losses.set(t, LossSum(sum: lossSum, count: lossCount))
    }
}
