import ArgumentParser
import Foundation
import ShopData
import ShopRecommend
import ShopSentiment

/// `shopnlp recommend features`: review sentiment per interaction, item and user.
struct RecommendFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Tag each interaction's review with sentiment and aspects; write per-interaction, per-item and per-user features.",
        discussion: """
        Writes OUTPUT (JSON Lines, one object per interaction), and beside it OUTPUT-stem.items.csv,
        OUTPUT-stem.users.csv and OUTPUT-stem.confidence.csv (user,item,confidence — the input of an
        implicit ALS job such as Spark's ALS with implicitPrefs).
        """
    )

    @Option(name: .long, help: "Sentiment model (default: the default model of each review's language).")
    var model: String?

    @Option(name: .long, help: "Reviews with user, item, rating, text (JSON Lines or CSV).")
    var input: String

    @Option(name: .long, help: "Features file to write (JSON Lines).")
    var output: String

    @Option(name: .long, help: "Layout of --input: auto, generic, amazon-json, amazon-csv.")
    var layout: String = "auto"

    @Option(name: .long, help: "Confidence scale alpha for the confidence file.", range: .nonNegative)
    var alpha: Float = 20

    @Option(name: .long, help: "Shared corpora folder.")
    var corpora: String?

    func run() throws {
        let interactions = try loadInteractions(input, layout: layout, corpora: corpora)
        let tagger = try InteractionSentiment(model: model)
        let features = tagger.features(for: interactions)
        let shaping = ConfidenceShaping(alpha: alpha)

        var lines = ""
        for f in features { lines += try f.jsonLine() + "\n" }
        try AtomicFile.write(lines, to: output)

        let stem = (output as NSString).deletingPathExtension
        let items = FeatureSummary.items(features).map { s -> [String] in
            let aspects = s.aspects.sorted { $0.key < $1.key }.map { "\($0.key):+\($0.value.positive)/-\($0.value.negative)" }
            return [s.item, String(s.reviews), fmt(s.meanPositive), fmt(s.sharePositive), aspects.joined(separator: " ")]
        }
        try AtomicFile.write(FeatureSummary.csv([["item", "reviews", "mean_positive", "share_positive", "aspects"]] + items),
                             to: stem + ".items.csv")
        let users = FeatureSummary.users(features).map {
            [$0.user, String($0.reviews), fmt($0.meanStars), fmt($0.meanPositive), fmt($0.starTextGap)]
        }
        try AtomicFile.write(FeatureSummary.csv([["user", "reviews", "mean_stars", "mean_positive", "star_text_gap"]] + users),
                             to: stem + ".users.csv")
        let confidence = features.map {
            [$0.user, $0.item, fmt(Double(shaping.confidence(rating: $0.rating, positive: $0.positive)))]
        }
        try AtomicFile.write(FeatureSummary.csv([["user", "item", "confidence"]] + confidence), to: stem + ".confidence.csv")
        recommendNote("features: \(features.count) interactions, \(items.count) items, \(users.count) users → \(output)")
    }

    private func fmt(_ v: Double) -> String { String(format: "%.4f", v) }
}

/// Runs the sentiment model over interaction reviews on all cores.
struct InteractionSentiment {
    let chooser: ModelChooser
    let aspects: AspectExtractor?

    init(model: String?) throws {
        chooser = try SentimentPaths.chooser(model: model)
        aspects = try? SentimentPaths.loadAspects()
    }

    func features(for interactions: [Interaction]) -> [InteractionFeature] {
        let out = UnsafeMutableBufferPointer<InteractionFeature?>.allocate(capacity: interactions.count)
        out.initialize(repeating: nil)
        defer { out.deallocate() }
        let box = FeatureSlots(out)
        DispatchQueue.concurrentPerform(iterations: max(1, ProcessInfo.processInfo.activeProcessorCount)) { w in
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var n = w
            while n < interactions.count {
                box.slots[n] = feature(interactions[n])
                n += workers
            }
        }
        return out.map { $0! }
    }

    func feature(_ x: Interaction) -> InteractionFeature {
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
}

/// Result slots the workers fill, each index by exactly one worker.
final class FeatureSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<InteractionFeature?>
    init(_ slots: UnsafeMutableBufferPointer<InteractionFeature?>) { self.slots = slots }
}
