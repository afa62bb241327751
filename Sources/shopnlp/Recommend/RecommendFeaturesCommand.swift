import ArgumentParser
import ShopRecommend

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

    @Option(name: .long, help: "Sentiment model (default: the default model of each review's language).") var model: String?
    @Option(name: .long, help: "Reviews with user, item, rating, text (JSON Lines or CSV).") var input: String
    @Option(name: .long, help: "Features file to write (JSON Lines).") var output: String
    @Option(name: .long, help: "Layout of --input: auto, generic, amazon-json, amazon-csv.") var layout: String = "auto"
    @Option(name: .long, help: "Confidence scale alpha for the confidence file.", range: .nonNegative) var alpha: Float = 20
    @Option(name: .long, help: "Shared corpora folder.") var corpora: String?

    func run() throws {
        let interactions = try loadInteractions(input, layout: layout, corpora: corpora)
        let features = try InteractionSentiment(model: model).features(for: interactions)
        let (items, users) = try FeatureExport.write(features, to: output, alpha: alpha)
        recommendNote("features: \(features.count) interactions, \(items) items, \(users) users → \(output)")
    }
}
