/// What the aspect-term tagger reads beyond the word embedding, and how it decodes.
/// Stored in the tagger file; files written before these existed read as all off.
public struct AspectTaggerFeatures: Codable, Sendable, Equatable {
    /// Size of the per-word vector of hashed character n-grams (0: none): spelling for
    /// words never seen in training (product names, "ipod", "win7", "sashimi").
    public var charDim = 32
    /// Hash buckets of the character n-gram table.
    public var charBuckets = 20_000
    /// Size of the word-shape vector (0: none): casing and digits as written, which the
    /// case-folded words cannot show ("Windows", "USB", "iPhoto").
    public var shapeDim = 8
    /// A linear-chain CRF output (whole-sequence training, Viterbi decoding) instead of a
    /// softmax per word.
    public var crf = true

    public init() {}

    /// The first tagger's configuration: word embedding only, softmax per word.
    public static let wordsOnly: AspectTaggerFeatures = {
        var f = AspectTaggerFeatures()
        f.charDim = 0; f.shapeDim = 0; f.crf = false
        return f
    }()
}
