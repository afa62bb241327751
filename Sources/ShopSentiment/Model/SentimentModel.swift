import ShopNeural

/// A trained review sentiment model: the n-gram (wide) path — feature options, vocabulary,
/// linear scorer — and optionally the deep path (embedding → BiLSTM → attention), whose
/// probabilities are mixed in with weight `deepWeight`. Immutable after loading, so one
/// instance is safely shared by tagging threads.
public final class SentimentModel: Sendable {
    public let labels: [String]
    public let features: FeatureOptions
    public let vocabulary: Vocabulary
    public let scorer: LinearScorer
    public let info: ModelInfo
    public let deep: DeepSentimentPath?
    /// Share of the deep path in the mixed probabilities (0 without a deep path).
    public let deepWeight: Float
    private let extractor: FeatureExtractor

    public init(labels: [String], features: FeatureOptions, vocabulary: Vocabulary, scorer: LinearScorer, info: ModelInfo,
                deep: DeepSentimentPath? = nil, deepWeight: Float = 0) {
        self.labels = labels
        self.features = features
        self.vocabulary = vocabulary
        self.scorer = scorer
        self.info = info
        self.deep = deep
        self.deepWeight = deep == nil ? 0 : deepWeight
        self.extractor = FeatureExtractor(options: features)
    }

    /// The same model with `deep` mixed in at `weight`, and `info` replaced.
    public func with(deep: DeepSentimentPath?, weight: Float, info: ModelInfo) -> SentimentModel {
        SentimentModel(labels: labels, features: features, vocabulary: vocabulary, scorer: scorer, info: info,
                       deep: deep, deepWeight: weight)
    }

    /// Sorted unique known feature ids of a text.
    public func featureIDs(_ units: TextUnits) -> [Int32] {
        vocabulary.encode(extractor.keys(units))
    }

    public func predict(_ text: String) -> SentimentPrediction { predict(units: TextUnits(text)) }

    public func predict(units: TextUnits) -> SentimentPrediction {
        let wide = scorer.probabilities(featureIDs(units))
        guard let deep, deepWeight > 0 else { return prediction(wide) }
        return prediction(WideDeepMix.mix(wide, deep.probabilities([units.source])[0], weight: deepWeight))
    }

    /// Predictions for many texts; the deep path runs them as padded batches, which is
    /// far faster than one text at a time.
    /// `attentionTop > 0` also fills each prediction's `attention` from the same deep pass.
    public func predict(batch units: [TextUnits], attentionTop: Int = 0) -> [SentimentPrediction] {
        let wide = units.map { scorer.probabilities(featureIDs($0)) }
        guard let deep else { return wide.map(prediction) }
        if deepWeight == 0 && attentionTop == 0 { return wide.map(prediction) }
        return zip(wide, deep.run(units.map(\.source), attentionTop: attentionTop)).map { w, d in
            var p = prediction(deepWeight > 0 ? WideDeepMix.mix(w, d.probabilities, weight: deepWeight) : w)
            p.attention = d.attention
            return p
        }
    }

    func prediction(_ p: [Float]) -> SentimentPrediction {
        let i = argmax(p)
        return SentimentPrediction(label: labels[i], labelIndex: i, score: p[i], probabilities: p)
    }

    /// The n-grams that pushed hardest towards `label`, without overlapping ones, best first.
    public func explain(units: TextUnits, label: Int, top: Int = 5) -> [WeightedToken] {
        var seen = Set<Int32>()
        var cands: [(first: Int, len: Int, w: Float)] = []
        extractor.forEach(units) { key, first, len in
            guard len > 0, let f = vocabulary.lookup(key), seen.insert(f).inserted else { return }
            let w = scorer.contribution(feature: f, label: label)
            if w > 0 { cands.append((first, len, w)) }
        }
        cands.sort { $0.w != $1.w ? $0.w > $1.w : $0.first < $1.first }
        var used = [Bool](repeating: false, count: units.count)
        var out: [WeightedToken] = []
        let scale = 1 / Float(max(1, seen.count)).squareRoot()
        for c in cands {
            if out.count >= top { break }
            if (c.first..<(c.first + c.len)).contains(where: { used[$0] || !isWordLike(units, $0) }) { continue }
            for u in c.first..<(c.first + c.len) { used[u] = true }
            var text = ""
            for u in c.first..<(c.first + c.len) {
                if u > c.first && !(units.isHan[u] && units.isHan[u - 1]) { text += " " }
                text += units.text(u)
            }
            out.append(WeightedToken(text: text, weight: c.w * scale))
        }
        return out
    }

    /// Han characters and words are shown; punctuation and emoji n-grams are not.
    private func isWordLike(_ units: TextUnits, _ i: Int) -> Bool {
        if units.isHan[i] { return true }
        let c = units.scalars[Int(units.starts[i])]
        return c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39)
    }
}
