import ShopData

/// The ranges of the command line's numeric options, named once so that every command that
/// takes a `-k` or an `--lr` enforces (and documents) the same limits. The caps are far above
/// any useful value; they exist so that a typo such as `-k 99999999999999` is an error rather
/// than an allocation that aborts the process.
extension NumericRange where Value == Int {
    /// How many results to print (`-k`).
    static var count: Self { Self(1...100_000) }
    /// Training passes, sweeps and steps.
    static var epochs: Self { Self(1...10_000) }
    /// Optional extra passes where 0 switches a path off (`--deep-epochs`).
    static var optionalEpochs: Self { Self(0...10_000) }
    /// Worker threads where 0 means "all cores".
    static var threadsOrAll: Self { Self(0...1_024) }
    /// Worker threads.
    static var threads: Self { Self(1...1_024) }
    /// Layer widths: latent factors, hidden units, embedding and vector sizes.
    static var width: Self { Self(1...4_096) }
    /// Records per chunk or batch.
    static var batch: Self { Self(1...1_000_000) }
    /// N-gram orders where 0 switches the feature off.
    static var optionalOrder: Self { Self(0...10) }
    /// N-gram orders.
    static var order: Self { Self(1...10) }
    /// Vocabulary, feature and bucket counts.
    static var tableSize: Self { Self(1...100_000_000) }
    /// Hash buckets where 0 switches the table off.
    static var optionalTableSize: Self { Self(0...100_000_000) }
    /// Minimum occurrence counts.
    static var minCount: Self { Self(1...1_000_000) }
    /// Sequence lengths in tokens or characters.
    static var length: Self { Self(1...1_000_000) }
    /// Context windows, negative samples, solver steps, repeats: small positive counts.
    static var small: Self { Self(1...1_000) }
    /// Counts where 0 is meaningful (a limit of none, no examples).
    static var nonNegativeCount: Self { Self(0...100_000_000) }
    /// Models or networks averaged.
    static var ensemble: Self { Self(1...100) }
}

extension NumericRange where Value: BinaryFloatingPoint {
    /// Learning rates: positive, at most 10 (above that every optimiser here diverges).
    static var learningRate: Self { .above(0, atMost: 10) }
    /// Dropout probabilities: 1 would drop everything.
    static var dropout: Self { .from(0, below: 1) }
    /// Penalties, smoothing and confidence scales.
    static var nonNegative: Self { Self(0...1_000_000) }
    /// Strictly positive scales such as an SVM's C.
    static var positive: Self { .above(0, atMost: 1_000_000) }
    /// Shares and probabilities.
    static var fraction: Self { Self(0...1) }
    /// Shares that must leave something: (0, 1].
    static var positiveFraction: Self { .above(0, atMost: 1) }
    /// Seconds.
    static var seconds: Self { .above(0, atMost: 86_400) }
}

extension NumericRange where Value == Int {
    /// log2 of a hashed feature table: 2^4 … 2^28 rows.
    static var hashBits: Self { Self(4...28) }
}

extension NumericRange where Value == Int {
    /// `--max-chars` of chat messages and utterances.
    static var messageChars: Self { Self(1...100_000) }
    /// `--max-chars` of reviews and other texts to tag or tokenise.
    static var recordChars: Self { Self(1...10_000_000) }
}
