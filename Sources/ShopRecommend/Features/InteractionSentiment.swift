import Foundation
import ShopCore
import ShopSentiment

/// Runs the sentiment model over interaction reviews on all cores.
public struct InteractionSentiment {
    public let chooser: ModelChooser
    public let aspects: AspectExtractor?

    /// `model`: a sentiment model file, nil for the default model of each review's language.
    public init(model: String?) throws {
        chooser = try SentimentPaths.chooser(model: model)
        aspects = try? SentimentPaths.loadAspects()
    }

    /// One feature per interaction, in order.
    public func features(for interactions: [Interaction]) -> [InteractionFeature] {
        let slots = ResultSlots<InteractionFeature>(count: interactions.count)
        // The models are only read while tagging, so the workers may share them.
        let shared = UncheckedBox(self)
        DispatchQueue.concurrentPerform(iterations: max(1, ProcessInfo.processInfo.activeProcessorCount)) { w in
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var n = w
            while n < interactions.count {
                slots.set(n, shared.value.feature(interactions[n]))
                n += workers
            }
        }
        return slots.values()
    }

    /// The review's label, positive probability and aspect polarities.
    public func feature(_ x: Interaction) -> InteractionFeature {
        var f = InteractionFeature(user: x.user, item: x.item, rating: x.rating, timestamp: x.timestamp)
        guard let text = x.text, !text.isEmpty else { return f }
        let units = TextUnits(text)
        let (language, model) = chooser.choose(units)
        let p = model.predict(units: units)
        f.label = p.label
        if let pos = model.labels.firstIndex(of: "positive") { f.positive = p.probabilities[pos] }
        if let aspects, let language {
            let found = aspects.analyse(units: units, language: language, model: model)
            if !found.isEmpty { f.aspects = Dictionary(found.map { ($0.aspect, $0.polarity) }, uniquingKeysWith: { a, _ in a }) }
        }
        return f
    }

    /// Sentiment features for `interactions`: read from `features`, tagged with the sentiment
    /// model when the reviews have text, or none; with a sentence saying which.
    public static func features(for interactions: [Interaction], features: String?, model: String?,
                                disabled: Bool) throws -> ([InteractionFeature], String) {
        if disabled { return ([], "off (--no-sentiment)") }
        if let features { return (try InteractionFeature.read(path: features), "read from \(features)") }
        guard interactions.contains(where: { !($0.text ?? "").isEmpty }) else { return ([], "none (no review text)") }
        let t0 = Date()
        let tagger = try InteractionSentiment(model: model)
        let feats = tagger.features(for: interactions)
        return (feats, String(format: "tagged %d reviews with %@ in %.1f s", feats.filter { $0.positive != nil }.count,
                              (model ?? "the default sentiment model") as NSString, Date().timeIntervalSince(t0)))
    }
}
