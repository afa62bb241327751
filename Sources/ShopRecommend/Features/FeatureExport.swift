import Foundation
import ShopData

/// The files `recommend features` writes: the features as JSON Lines at `output`, and beside
/// it `<stem>.items.csv`, `<stem>.users.csv` and `<stem>.confidence.csv` (user,item,confidence
/// — the input of an implicit ALS job such as Spark's ALS with implicitPrefs).
public enum FeatureExport {
    /// Writes the four files atomically; returns how many items and users the summaries hold.
    @discardableResult
    public static func write(_ features: [InteractionFeature], to output: String, alpha: Float) throws -> (items: Int, users: Int) {
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
        return (items.count, users.count)
    }

    private static func fmt(_ v: Double) -> String { String(format: "%.4f", v) }
}
