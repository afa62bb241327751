import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// `shopnlp recommend satisfaction`: does sentiment make recommendations satisfy more?
struct RecommendSatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract: "Liked-item Recall/NDCG and the share of top-K lists showing a later-disliked item, ALS with and without sentiment, over seeds.",
        discussion: """
        Each seed holds out a random share of every user's distinct items; held-out items are liked
        (rating >= 4, or P(positive) >= 0.5 without a rating) or disliked. Popularity, item-kNN, ALS and
        ALS + sentiment (settings tuned once on the first seed's training part) are scored on
        both, with the stars shown to the models and with the stars hidden (review text only); liked and
        disliked are always judged by the real stars.
        """)

    @OptionGroup var input: InteractionInputOptions
    @Option(name: .long, help: "Features from `recommend features` (default: tag the reviews with the sentiment model).") var features: String?
    @Option(name: .long, help: "Sentiment model for tagging (default: the shipped model of each review's language).") var sentimentModel: String?
    @Option(name: .long, help: "Number of seeds (splits and ALS initialisations).", range: .count) var seeds = 5
    @Option(name: .long, help: "Share of each user's distinct items held out.", range: .fraction) var heldOut = 0.2
    @Option(name: .shortAndLong, help: "Cut-off K.", range: .count) var k = 10
    @Option(name: .long, help: "ALS sweeps.", range: .epochs) var iterations = 15
    @Flag(name: .long, help: "Skip the stars-hidden case.") var noStarsHidden = false
    @Flag(name: .long, help: "No progress bar (it is also off when stderr is not a terminal).") var quiet = false
    @Flag(name: .long, help: "Print one JSON object.") var json = false

    func run() throws {
        let interactions = try input.load()
        let (feats, source) = try InteractionSentiment.features(for: interactions, features: features, model: sentimentModel, disabled: false)
        recommendNote("sentiment: \(source)")
        var options = SatisfactionOptions()
        options.seeds = (1...seeds).map(UInt64.init)
        options.heldOutFraction = heldOut
        options.k = k
        options.config.iterations = iterations
        options.starsHidden = !noStarsHidden
        options.showProgress = !quiet && isatty(STDERR_FILENO) != 0
        let report = SatisfactionEvaluation.run(interactions: interactions, features: feats, options: options)
        if json {
            print(JSONLine.object([
                "data": input.interactions, "seeds": seeds, "held_out": heldOut, "k": k,
                "liked_users": report.likedUsers, "disliked_users": report.dislikedUsers,
                "rows": report.rows.map { r -> [String: Any] in
                    ["case": r.scenario, "model": r.model, "settings": r.settings,
                     "liked_recall": ["mean": r.likedRecall.mean, "sd": r.likedRecall.sd],
                     "liked_ndcg": ["mean": r.likedNDCG.mean, "sd": r.likedNDCG.sd],
                     "disliked_share": ["mean": r.dislikedShare.mean, "sd": r.dislikedShare.sd],
                     "per_seed_liked_recall": r.perSeed.map(\.likedRecall),
                     "per_seed_disliked_share": r.perSeed.map(\.dislikedShare)]
                },
            ]))
        } else {
            print(report.table())
        }
    }
}
