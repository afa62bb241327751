import Foundation
import Synchronization

/// The weights every training thread reads and writes without locks (Hogwild, as in
/// word2vec and fastText): races lose an update now and then, which SGD shrugs off, and
/// both cores stay busy. Raw pointers, because Swift arrays would be copied on write.
final class HogwildModel: @unchecked Sendable {
    let dimension: Int
    let wordCount: Int
    let buckets: Int
    /// (words + buckets) × dimension: a row per word, then a row per subword bucket.
    let input: UnsafeMutablePointer<Float>
    /// words × dimension: the context ("output") vectors.
    let output: UnsafeMutablePointer<Float>
    /// Input rows of word w: `rowIDs[rowStarts[w]..<rowStarts[w+1]]` (the word's own row first).
    let rowStarts: [Int]
    let rowIDs: [Int32]
    /// Tokens walked over by all threads so far (drives the learning-rate decay and progress).
    let processed = Atomic<Int>(0)

    init(dimension: Int, vocabulary: Vocabulary, subwords: SubwordScheme, rng: inout SplitMix64) {
        self.dimension = dimension
        wordCount = vocabulary.count
        buckets = subwords.isEnabled ? subwords.buckets : 0
        let inputCount = (wordCount + buckets) * dimension
        input = .allocate(capacity: inputCount)
        output = .allocate(capacity: wordCount * dimension)
        // fastText's initialisation: inputs uniform in ±1/dim, outputs zero.
        let bound = 1 / Float(dimension)
        for i in 0..<inputCount { input[i] = (rng.unit() * 2 - 1) * bound }
        output.initialize(repeating: 0, count: wordCount * dimension)
        var starts = [0]
        var ids: [Int32] = []
        for (w, word) in vocabulary.words.enumerated() {
            ids.append(Int32(w))
            for b in subwords.bucketIDs(of: word) { ids.append(Int32(wordCount + b)) }
            starts.append(ids.count)
        }
        rowStarts = starts
        rowIDs = ids
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    /// The final vector of word w: the mean of its word row and subword rows (fastText's word vector).
    func wordVector(_ w: Int, into out: UnsafeMutablePointer<Float>) {
        out.initialize(repeating: 0, count: dimension)
        let lo = rowStarts[w], hi = rowStarts[w + 1]
        for r in lo..<hi { VectorMath.axpy(1, input + Int(rowIDs[r]) * dimension, out, dimension) }
        VectorMath.scale(1 / Float(hi - lo), out, dimension)
    }
}
