/// A snapshot of a running training, for progress bars.
public struct TrainingProgress: Sendable {
    /// Tokens walked over so far (all threads, all epochs; subsampled-away tokens count,
    /// as in word2vec and fastText, so words/s figures are comparable with theirs).
    public var processedWords: Int
    /// Tokens the whole run will walk over.
    public var totalWords: Int
    /// Seconds since training started.
    public var elapsed: Double
    /// Mean negative-sampling loss per context prediction since the last report (thread 0).
    public var loss: Float
    /// Current learning rate.
    public var learningRate: Float

    public var fraction: Double { totalWords > 0 ? min(1, Double(processedWords) / Double(totalWords)) : 1 }
    public var wordsPerSecond: Double { elapsed > 0 ? Double(processedWords) / elapsed : 0 }
    /// Seconds left at the current rate.
    public var eta: Double {
        let rate = wordsPerSecond
        return rate > 0 ? Double(totalWords - processedWords) / rate : 0
    }
}
