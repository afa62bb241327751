import ArgumentParser
import Foundation
import ShopData
import ShopRecommend

/// `shopnlp recommend train`.
struct RecommendTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the recommender: ALS tuned on a validation split, and the best of popularity, item-kNN and ALS chosen to serve.",
        discussion: """
        By default each user's latest training interaction is held out as a validation split; ALS factors,
        reg, alpha and sentiment weight are tuned on it (a staged grid of at most 17 fits), popularity and
        item-kNN are scored on the same split, and the best of the three becomes the served model
        (`--model-kind` forces one). ALS is then refitted on all the training data. The choice and the
        validation figures are stored in the model and in STEM.manifest.json beside it. Review sentiment
        comes from --features, or else from tagging the review texts with the default sentiment model.
        """)

    @OptionGroup var input: InteractionInputOptions
    @Option(name: .long, help: "Features from `recommend features` (sentiment per interaction).") var features: String?
    @Option(name: .long, help: "Sentiment model for tagging reviews when --features is not given (default: the shipped model of each review's language).") var sentimentModel: String?
    @Flag(name: .long, help: "Stars only: neither read --features nor tag review sentiment.") var noSentiment = false
    @Option(name: .long, help: "Model file to write.") var out: String
    @Option(name: .long, help: "Hold out each user's latest interaction and write it here (for `recommend eval`).") var holdoutLast: String?
    @Option(name: .long, help: "With --holdout-last: write the training pairs (user,item) here, so another ALS (e.g. scripts/spark/als.py) trains on the same split.") var holdoutTrain: String?
    @Option(name: .long, help: "Kind to serve: \(RecommenderKindChoice.spellings) (best: the best on validation).") var modelKind = "best"
    @Flag(name: .long, help: "Use the ALS settings as given (defaults where not given) instead of tuning them.") var noTune = false
    @Flag(name: .long, help: "No progress bar (it is also off when stderr is not a terminal).") var quiet = false
    @OptionGroup var als: ALSOptions

    func validate() throws {
        if holdoutTrain != nil && holdoutLast == nil { throw ValidationError("--holdout-train needs --holdout-last") }
        if RecommenderKindChoice(modelKind) == nil { throw ValidationError("--model-kind must be \(RecommenderKindChoice.spellings)") }
        if noSentiment && features != nil { throw ValidationError("--no-sentiment and --features contradict each other") }
    }

    func run() throws {
        var interactions = try input.load()
        if let holdoutLast {
            let split = LeaveLastOut(interactions)
            interactions = split.train
            var lines = "user,item,rating,timestamp\n"
            for x in split.test { lines += "\(x.user),\(x.item),\(x.rating.map { String($0) } ?? ""),\(x.timestamp.map(String.init) ?? "")\n" }
            try AtomicFile.write(lines, to: holdoutLast)
            recommendNote("held out \(split.test.count) interactions → \(holdoutLast)")
            if let holdoutTrain {
                try AtomicFile.write("user,item\n" + split.train.map { "\($0.user),\($0.item)\n" }.joined(), to: holdoutTrain)
            }
        }
        let start = Date()
        let (feats, sentimentSource) = try InteractionSentiment.features(for: interactions, features: features, model: sentimentModel,
                                                              disabled: noSentiment)
        recommendNote("sentiment: \(sentimentSource)")
        var options = RecommenderTrainingOptions()
        options.config = try als.config()
        options.shaping = als.shaping
        options.grid = als.grid
        options.tune = !noTune
        options.kind = RecommenderKindChoice(modelKind)!
        options.showProgress = !quiet && isatty(STDERR_FILENO) != 0
        let (model, report) = RecommenderTraining.train(interactions: interactions, features: feats, options: options)
        try model.save(to: out)
        let seconds = Date().timeIntervalSince(start)
        for line in report.lines { recommendNote(line) }
        let manifest = (out as NSString).deletingPathExtension + ".manifest.json"
        try RecommendManifest.write(model: model, report: report, to: manifest, data: input.interactions,
                                    sentiment: sentimentSource, seconds: seconds)
        recommendNote(String(format: "trained %d users × %d items (%d interactions%@) in %.2f s, serving %@ → %@ (manifest %@)",
                             model.matrix.userCount, model.matrix.itemCount, model.matrix.entryCount,
                             model.settings.usedSentiment ? ", sentiment-shaped" : "", seconds,
                             model.servedKind.rawValue as NSString, out as NSString, manifest as NSString))
    }
}
