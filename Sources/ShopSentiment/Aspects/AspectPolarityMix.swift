import Foundation

/// How a review-level sentiment model's opinion is mixed into the aspect network's
/// probabilities (transfer from the sentence-level model, issue 16):
///
///     z = log p_network
///     m = windowWeight · s_window + sentenceWeight · s_sentence
///     z_positive += m,  z_negative −= m
///     z_neutral  += neutralBias − neutralPenalty · |s_window|
///     z_negative += negativeBias            (aspect-model version 3, optional)
///
/// where `s_window` is the sentiment model's log-odds of "positive" for the aspect's clause
/// cut to `window` words each side of the term, and `s_sentence` for the whole sentence
/// (both clipped to ±`clip`). The network reads the aspect precisely but learnt sentiment
/// from ~5k terms; the sentiment model knows far more opinion words but not which aspect
/// they are about — the clause window gives it the aspect's own words. The weights are
/// chosen on dev (`tune`).
public struct AspectPolarityMix: Codable, Sendable, Equatable {
    /// Words kept each side of the term inside its clause.
    public var window: Int
    public var windowWeight: Float
    public var sentenceWeight: Float
    public var neutralBias: Float
    public var neutralPenalty: Float
    /// With `neutralBias`, a per-class log-prior offset (positive is the reference), tuned on
    /// dev only with `tune(classOffsets: true)`; nil (0) in files older than aspect-model version 3.
    public var negativeBias: Float?

    /// Log-odds beyond this are clipped: one very sure n-gram must not outvote the network.
    public static let clip: Float = 5

    public init(window: Int, windowWeight: Float = 0, sentenceWeight: Float = 0, neutralBias: Float = 0, neutralPenalty: Float = 0) {
        self.window = window; self.windowWeight = windowWeight; self.sentenceWeight = sentenceWeight
        self.neutralBias = neutralBias; self.neutralPenalty = neutralPenalty
    }

    /// The sentiment evidence of one term: log-odds of "positive" for its window and its sentence.
    public struct Evidence: Sendable, Equatable {
        public var window: Float
        public var sentence: Float
        public init(window: Float, sentence: Float) { self.window = window; self.sentence = sentence }
    }

    /// Log-odds of a probability, clipped to ±`clip`.
    public static func logOdds(_ p: Float) -> Float {
        let q = min(max(p, 1e-6), 1 - 1e-6)
        return min(max(log(q / (1 - q)), -clip), clip)
    }

    /// Mixed class probabilities (order `AspectPolarityModel.labels`: negative, neutral, positive).
    public func apply(_ probabilities: [Float], _ e: Evidence) -> [Float] {
        precondition(probabilities.count == 3, "AspectPolarityMix: three classes expected")
        var z = probabilities.map { log(max($0, 1e-12)) }
        let m = windowWeight * e.window + sentenceWeight * e.sentence
        z[2] += m
        z[0] -= m
        z[1] += neutralBias - neutralPenalty * abs(e.window)
        z[0] += negativeBias ?? 0
        let top = z.max() ?? 0
        let ex = z.map { exp($0 - top) }
        let sum = ex.reduce(0, +)
        return ex.map { $0 / sum }
    }

    /// The grid searched by `tune`.
    public static let windows = [3, 5, 8, 100]
    static let windowWeights: [Float] = [0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0]
    static let sentenceWeights: [Float] = [0, 0.1, 0.2, 0.3, 0.5]
    static let neutralBiases: [Float] = [0, -0.25, 0.25, -0.5, 0.5, -0.75, 0.75, -1, 1]
    static let neutralPenalties: [Float] = [0, 0.1, 0.2, 0.3]
    static let negativeBiases: [Float] = [-0.25, 0.25, -0.5, 0.5, -0.75, 0.75]

    /// The mix with the best dev score (mean of accuracy and macro-F1, as the trainer's epoch
    /// choice) over the grid; on ties the earlier setting in grid order (smaller weights, bias nearer 0) wins, so an uninformative
    /// sentiment model leaves the network alone. `evidence[k]` holds each term's evidence for
    /// window `windows[k]`.
    ///
    /// `classOffsets`: then, the other weights fixed, a negative-class offset is searched with
    /// the neutral bias (a per-class log-prior offset aimed at macro-F1's weak classes); it is
    /// kept only when it scores strictly higher.
    public static func tune(probabilities: [[Float]], evidence: [[Evidence]], gold: [Int], windows: [Int] = windows,
                            classOffsets: Bool = false)
        -> (mix: AspectPolarityMix, dev: SentimentMetrics) {
        precondition(evidence.count == windows.count && evidence.allSatisfy { $0.count == gold.count } && probabilities.count == gold.count)
        var best: (score: Double, mix: AspectPolarityMix, metrics: SentimentMetrics)? = nil
        for (k, w) in windows.enumerated() {
            for a in windowWeights {
                for s in sentenceWeights {
                    for g in neutralPenalties {
                        for b in neutralBiases {
                            let mix = AspectPolarityMix(window: w, windowWeight: a, sentenceWeight: s, neutralBias: b, neutralPenalty: g)
                            let predicted = gold.indices.map { i -> Int in
                                let p = mix.apply(probabilities[i], evidence[k][i])
                                return p.indices.max { p[$0] < p[$1] } ?? 0
                            }
                            let m = SentimentMetrics(labels: AspectPolarityModel.labels, gold: gold, predicted: predicted)
                            let score = (m.accuracy + m.macroF1) / 2
                            if best == nil || score > best!.score + 1e-12 { best = (score, mix, m) }
                        }
                    }
                }
            }
        }
        guard classOffsets, var found = best else { return (best!.mix, best!.metrics) }
        let k = windows.firstIndex(of: found.mix.window) ?? 0
        for nb in negativeBiases {
            for b in neutralBiases {
                var mix = found.mix
                mix.negativeBias = nb; mix.neutralBias = b
                let predicted = gold.indices.map { i -> Int in
                    let p = mix.apply(probabilities[i], evidence[k][i])
                    return p.indices.max { p[$0] < p[$1] } ?? 0
                }
                let m = SentimentMetrics(labels: AspectPolarityModel.labels, gold: gold, predicted: predicted)
                let score = (m.accuracy + m.macroF1) / 2
                if score > found.score + 1e-12 { found = (score, mix, m) }
            }
        }
        return (found.mix, found.metrics)
    }
}
