import ShopCore

/// The settings `shopnlp sentiment train` uses when a flag is not given: the recipe that
/// gives the figures in BENCHMARKS.md, so the short command is the best one.
///
/// Both paths are on: the n-gram path with the language's best n-gram orders (features in 2+ texts), 12 epochs
/// and 3 seeds averaged, and the deep path (embedding → BiLSTM → attention) started from
/// the shipped vectors of the data's language, its epoch chosen by early stopping on dev.
/// Small corpora average three deep networks; large ones train one, so a default run on
/// the shared corpora stays within about three minutes on two cores.
public enum SentimentRecipe {
    /// Up to this many training examples, the deep path averages three networks.
    public static let ensembleLimit = 20_000
    /// Share of train held out for every choice when no dev file is given.
    public static let holdoutShare = 0.1

    /// `zh` when at least 30% of the texts are mostly Han (the tagger's own rule per
    /// record), else `en`.
    public static func language(of texts: [String]) -> String {
        guard !texts.isEmpty else { return "en" }
        let sample = texts.count > 5_000 ? stride(from: 0, to: texts.count, by: texts.count / 5_000).map { texts[$0] } : texts
        let chinese = sample.reduce(0) { $0 + (TextUnits($1).hanShare >= 0.3 ? 1 : 0) }
        return Double(chinese) >= 0.3 * Double(sample.count) ? "zh" : "en"
    }

    /// The n-gram path's features for a language: Chinese character 1–4-grams with the
    /// tokenizer's word 1–2-grams; English word 1–3-grams.
    public static func features(language: String) -> FeatureOptions {
        language == "zh" ? FeatureOptions(order: 2, hanOrder: 4, subwordOrder: 0, wordOrder: 2)
                         : FeatureOptions(order: 3, hanOrder: 3, subwordOrder: 0, wordOrder: 0)
    }

    /// Deep networks averaged for a training set of this size.
    public static func deepNetworks(trainCount: Int) -> Int {
        trainCount <= ensembleLimit ? 3 : 1
    }

    /// The deep path's defaults: at most 8 epochs, early stopping on dev (patience 2, best
    /// epoch kept), networks by data size. (Chosen on chnsenticorp's dev split: 8 epochs
    /// 91.62% mixed against 91.24% with 4; the best epochs there were 3–6.)
    public static func deep(trainCount: Int, seed: UInt64) -> DeepSentimentOptions {
        var d = DeepSentimentOptions()
        d.epochs = 8
        d.seed = seed
        d.networks = deepNetworks(trainCount: trainCount)
        return d
    }

    /// A seeded stratified split: `share` of each label's examples (at least one when a
    /// label has five or more) go to the held-out part; order within each part follows
    /// the input. Throws when nothing can be held out.
    public static func holdout(_ examples: [LabeledExample], share: Double = holdoutShare,
                               seed: UInt64) throws -> (fit: [LabeledExample], heldOut: [LabeledExample]) {
        var byLabel: [String: [Int]] = [:]
        for (i, e) in examples.enumerated() { byLabel[e.label, default: []].append(i) }
        var rng = SplitMix64(seed: seed ^ 0x5EED_D0E5)
        var held = Set<Int>()
        for label in byLabel.keys.sorted() {
            var idx = byLabel[label]!
            guard idx.count >= 5 else { continue }
            idx.shuffle(using: &rng)
            held.formUnion(idx.prefix(max(1, Int((Double(idx.count) * share).rounded()))))
        }
        let labelsHeld = Set(held.map { examples[$0].label })
        guard labelsHeld.count >= 2 else {
            throw SentimentError.usage("too few training examples to hold out \(Int(share * 100))% per label for choosing epochs (\(examples.count) given, at least 5 per label needed): give --dev FILE")
        }
        var fit: [LabeledExample] = [], heldOut: [LabeledExample] = []
        for (i, e) in examples.enumerated() {
            if held.contains(i) { heldOut.append(e) } else { fit.append(e) }
        }
        return (fit, heldOut)
    }
}
