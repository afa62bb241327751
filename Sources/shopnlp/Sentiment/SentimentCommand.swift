import ArgumentParser

/// `shopnlp sentiment …`: train, evaluate and tag review sentiment.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Review sentiment: train and evaluate models, tag reviews in batch (with explanations and aspects).",
        subcommands: [SentimentTrainCommand.self, SentimentEvalCommand.self, SentimentTagCommand.self, SentimentAbsaCommand.self, SentimentReportCommand.self]
    )
}
