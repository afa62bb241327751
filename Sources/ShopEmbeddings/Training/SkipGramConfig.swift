/// Hyper-parameters of skip-gram training. Defaults follow word2vec/fastText for
/// skip-gram with negative sampling.
public struct SkipGramConfig: Sendable, Equatable {
    /// Vector size.
    public var dimension = 128
    /// Largest distance between a word and a context word (each word draws its own 1...window).
    public var window = 5
    /// Negative samples per context word.
    public var negative = 5
    /// Words seen fewer times are dropped.
    public var minCount = 3
    /// Passes over the corpus.
    public var epochs = 5
    /// Starting learning rate, decayed linearly to zero over all epochs.
    public var learningRate: Float = 0.05
    /// Subsampling threshold: words more frequent than this are randomly skipped.
    public var sample: Double = 1e-4
    /// Subword units (fastText); `.none` for plain word2vec skip-gram.
    public var subwords = SubwordScheme()
    /// Training threads (Hogwild: lock-free updates of shared weights).
    public var threads = 2
    /// Seed of every random choice (initial weights, subsampling, windows, negatives).
    public var seed: UInt64 = 1

    public init() {}

    /// The settings training and its benchmark both take from the command line; learning
    /// rate and subsampling keep their defaults.
    public init(dimension: Int, window: Int, negative: Int, minCount: Int, epochs: Int, subwords: SubwordScheme,
                threads: Int, seed: UInt64) {
        self.dimension = dimension
        self.window = window
        self.negative = negative
        self.minCount = minCount
        self.epochs = epochs
        self.subwords = subwords
        self.threads = threads
        self.seed = seed
    }

    /// Rejects settings training cannot use, naming the option.
    public func validate() throws {
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw EmbeddingError.badOption(message) } }
        try check(dimension >= 1 && dimension <= 4096, "--dim must be in 1...4096")
        try check(window >= 1, "--window must be at least 1")
        try check(negative >= 1, "--negative must be at least 1")
        try check(minCount >= 1, "--min-count must be at least 1")
        try check(epochs >= 1, "--epochs must be at least 1")
        try check(learningRate > 0, "--lr must be positive")
        try check(sample >= 0, "--sample must not be negative")
        try check(threads >= 1 && threads <= 256, "--threads must be in 1...256")
    }
}
