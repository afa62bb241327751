import Foundation
import ShopData

/// The JSON manifest `recommend train` writes beside the model: what is served and why
/// (validation per kind), the ALS settings and how they were chosen.
public enum RecommendManifest {
    public static func write(model: RecommenderModel, report: RecommenderTrainingReport, to path: String, data: String,
                      sentiment: String, seconds: Double) throws {
        let s = model.settings
        var validation: [String: Any] = [:]
        for (kind, v) in report.selection.validation {
            validation[kind] = ["recall@10": v.recall, "ndcg@10": v.ndcg, "users": v.users]
        }
        var object: [String: Any] = [
            "kind": RecommenderModel.kind,
            "data": data,
            "users": model.matrix.userCount, "items": model.matrix.itemCount, "interactions": model.matrix.entryCount,
            "served": report.selection.served.rawValue,
            "served_forced": report.selection.forced,
            "validation_split": "each user's latest training interaction (\(report.validationUsers) users)",
            "validation": validation,
            "als": ["factors": s.factors, "iterations": s.iterations, "reg": s.regularization, "alpha": s.shaping.alpha,
                    "sentiment_weight": s.usedSentiment ? Double(s.shaping.sentimentWeight) : 0, "used_sentiment": s.usedSentiment,
                    "tuned": report.selection.tuningFits > 0, "tuning_fits": report.selection.tuningFits,
                    "refitted_on_all_training_data": report.refitted] as [String: Any],
            "sentiment": sentiment,
            "train_seconds": seconds,
            "date": ISO8601DateFormatter().string(from: Date()),
        ]
        if let w = report.selection.warning(serving: report.selection.served) { object["warning"] = w }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        try AtomicFile.write(data + Data("\n".utf8), to: path)
    }
}
