/// How the ranker combines its signals. Coverage and fluency are in [0, 1]-ish ranges;
/// repetition is a share of repeated bigrams.
public struct RankingWeights: Sendable {
    public var coverage: Double
    public var fluency: Double
    public var repetition: Double
    /// Per line written for the requested tone.
    public var tone: Double
    /// Two blurbs are "distinct" when their bigram Jaccard similarity is below this.
    public var maxSimilarity: Double
    /// Fluency is rescored on the best this-many candidates by the other signals
    /// (the LM is the expensive part).
    public var fluencyShortlist: Int
    /// Batch-level penalty for wording other products of the batch already got (`PhraseUsage`).
    public var diversity: Double
    /// Per blurb, times its length as a share of `targetLength` code points (capped at 1):
    /// human copy is longer than a fact-by-fact draft (0: length plays no part).
    public var length: Double
    /// The length at which `length` stops rewarding.
    public var targetLength: Int
    /// Uses after which a phrase counts as fully worn (`PhraseUsage.saturation`).
    public var saturation: Int
    /// The fluency weight for Chinese when it differs (nil: `fluency`): the two LMs differ, and
    /// on AdvertiseGen dev a heavier LM term buys n-gram precision that the English catalogue
    /// pays for with repeated openings.
    public var chineseFluency: Double?
    /// Characters per Chinese unit of the diversity penalty (`PhraseUsage.chineseGram`).
    public var chineseGram: Int
    /// Seeded per-candidate noise (uniform in 0…this) that varies which wording a product gets.
    public var jitter: Double

    /// The recipe chosen on the AdvertiseGen dev portion (Benchmarks/results/blurbs2.md): what
    /// `shopnlp describe`, the service's copy routes and `bench describe` rank with, so that the
    /// studio and the benchmark give what the CLI gives. Diversity 2.5 (was 1.5) was chosen on
    /// the same dev portion, mean of seeds 1–3: distinct-2 0.1219 → 0.1248 at char BLEU-4
    /// 6.78 → 6.81 (Benchmarks/results/speed.md). The LM shortlist of 12 (was 16) was chosen
    /// on the same portion once unscored candidates could no longer overtake the shortlist:
    /// char BLEU-4 6.81 → 6.86, distinct-2 0.1248 → 0.1245, 11% less CPU
    /// (Benchmarks/results/shortlist.md).
    public static let shipped = RankingWeights(fluency: 0.2, fluencyShortlist: 12, diversity: 2.5, saturation: 4, length: 3,
                                               chineseGram: 4, chineseFluency: 1.0)

    public init(coverage: Double = 1.0, fluency: Double = 0.2, repetition: Double = 1.5, tone: Double = 0.05,
                maxSimilarity: Double = 0.6, fluencyShortlist: Int = 16,
                diversity: Double = 0.8, jitter: Double = 0.1, saturation: Int = 2, length: Double = 0, targetLength: Int = 110,
                chineseGram: Int = 4, chineseFluency: Double? = nil) {
        self.chineseGram = chineseGram
        self.chineseFluency = chineseFluency
        self.length = length
        self.targetLength = targetLength
        self.diversity = diversity
        self.saturation = saturation
        self.jitter = jitter
        self.coverage = coverage
        self.fluency = fluency
        self.repetition = repetition
        self.tone = tone
        self.maxSimilarity = maxSimilarity
        self.fluencyShortlist = fluencyShortlist
    }
}
