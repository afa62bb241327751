import Foundation
import Synchronization
import ShopNeural
import ShopCore

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

    /// How much the word's own row and each of its n subword rows weigh in its vector.
    /// fastText takes the plain mean, which lets the units outvote the word (a two-character
    /// Chinese word would be two thirds characters, and its neighbours mostly words that
    /// share characters). Here, as in character-enhanced word embeddings (Chen et al. 2015),
    /// the word's row counts for half and its units share the other half.
    @inline(__always)
    static func weights(subwordCount n: Int) -> (word: Float, unit: Float) {
        n == 0 ? (1, 0) : (0.5, 0.5 / Float(n))
    }

    /// The final vector of word w: its own row and subword rows, weighted as in `weights`.
    func wordVector(_ w: Int, into out: UnsafeMutablePointer<Float>) {
        out.initialize(repeating: 0, count: dimension)
        let lo = rowStarts[w], hi = rowStarts[w + 1]
        let (wordWeight, unitWeight) = HogwildModel.weights(subwordCount: hi - lo - 1)
        VectorMath.axpy(wordWeight, input + Int(rowIDs[lo]) * dimension, out, dimension)
        for r in (lo + 1)..<hi { VectorMath.axpy(unitWeight, input + Int(rowIDs[r]) * dimension, out, dimension) }
    }
}
