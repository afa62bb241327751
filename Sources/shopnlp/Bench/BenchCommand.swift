import ArgumentParser

/// `shopnlp bench …`: speed and accuracy benchmarks (results go to BENCHMARKS.md).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: speed and accuracy, with the anchor measured in the same run.",
        subcommands: [
            BenchTokenizeCommand.self,
            BenchSentimentCommand.self,
            BenchEmbedCommand.self,
            BenchEmbedInitCommand.self,
            BenchChatCommand.self,
            BenchReadersCommand.self,
            BenchTrainCommand.self,
            BenchRecommendCommand.self,
            BenchDescribeCommand.self,
            // Each capability adds its benchmark command type here.
        ]
    )
}
