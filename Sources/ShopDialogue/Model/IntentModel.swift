import Foundation
import ShopNeural

/// The trained intent model: the wide TF-IDF path (and, when present, the deep
/// embedding+BiLSTM+attention path), mixed and calibrated, with the out-of-scope threshold.
public struct IntentModel: IntentClassifying, @unchecked Sendable {
    /// Class labels in score order (may include `oos` when the training data had it).
    public var labels: [String]
    public var wide: WideModel
    /// Optional deep path; its probabilities are mixed in with weight `deepWeight`.
    public var deep: DeepIntentPath?
    public var deepWeight: Float = 0
    /// Softmax temperature applied to the wide margins (chosen on calibration data).
    public var temperature: Float = 5
    /// Below this probability the best in-scope intent is rejected as `oos`.
    public var threshold: Float = 0
    /// Free-form facts saved with the model (data, hyper-parameters, metrics).
    public var info: [String: String] = [:]

    public init(labels: [String], wide: WideModel) {
        self.labels = labels
        self.wide = wide
    }

    public var intentNames: [String] { labels.filter { $0 != outOfScopeLabel } }

    /// Calibrated class probabilities (wide softmax mixed with the deep path).
    public func probabilities(_ text: String) -> [Float] {
        let wideP = TemperatureScaling.softmax(wide.scores(text), scale: temperature)
        guard let deep, deepWeight > 0 else { return wideP }
        return WideDeepMix.mix(wideP, deep.probabilities(text), weight: deepWeight)
    }

    public func classify(_ text: String) -> IntentPrediction {
        decide(probabilities(text), threshold: threshold)
    }

    /// Applies the rejection rule to a probability vector.
    public func decide(_ p: [Float], threshold: Float, top: Int = 3) -> IntentPrediction {
        let order = p.indices.sorted { p[$0] > p[$1] }
        let alts = order.prefix(top).map { ScoredIntent(intent: labels[$0], probability: p[$0]) }
        let best = order[0]
        if labels[best] == outOfScopeLabel {
            return IntentPrediction(intent: outOfScopeLabel, confidence: p[best], alternatives: alts, rejected: true)
        }
        if p[best] < threshold {
            return IntentPrediction(intent: outOfScopeLabel, confidence: p[best], alternatives: alts, rejected: true)
        }
        return IntentPrediction(intent: labels[best], confidence: p[best], alternatives: alts, rejected: false)
    }

    /// Per-word share of the wide path's score for the best class (its n-gram weights).
    public func explainWide(_ text: String) -> [WordWeight] {
        let p = probabilities(text)
        let best = p.indices.max { p[$0] < p[$1] } ?? 0
        return wide.tokenContributions(text, cls: best).map { WordWeight(word: $0.token, weight: $0.weight) }
    }

    public func explain(_ text: String) -> [WordWeight] {
        let p = probabilities(text)
        let best = p.indices.max { p[$0] < p[$1] } ?? 0
        if let deep, deepWeight > 0, let att = deep.attention(text) {
            return att
        }
        return wide.tokenContributions(text, cls: best).map { WordWeight(word: $0.token, weight: $0.weight) }
    }
}
