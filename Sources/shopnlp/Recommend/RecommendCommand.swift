import ArgumentParser
import Foundation
import ShopRecommend
import ShopSentiment

/// `shopnlp recommend …`: the shared recommender with review sentiment as a feature.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Implicit ALS and item-kNN recommendations, with review sentiment shaping the user–item signal.",
        subcommands: [RecommendFeaturesCommand.self, RecommendTrainCommand.self, RecommendForUserCommand.self,
                      RecommendSimilarCommand.self, RecommendEvalCommand.self, RecommendSatisfactionCommand.self]
    )
}

/// Reads interactions, reporting (up to 20) skipped bad records on stderr.
func loadInteractions(_ interactions: String, layout: String, corpora: String?) throws -> [Interaction] {
    guard let l = InteractionReader.Layout(rawValue: layout) else {
        throw ValidationError("--layout must be one of \(InteractionReader.Layout.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let path = SentimentPaths.dataFile(interactions, corpora: corpora)
    let (xs, errors) = try InteractionReader.read(path: path, layout: l)
    for e in errors.prefix(20) { recommendNote("skipped: \(e)") }
    if errors.count > 20 { recommendNote("skipped \(errors.count - 20) more bad records") }
    return xs
}

/// A line on standard error (progress and warnings never mix with results on stdout).
func recommendNote(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
