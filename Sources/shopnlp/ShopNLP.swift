import ArgumentParser

@main
struct ShopNLP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopnlp",
        abstract: "Chinese and English NLP for e-commerce: tokenising, review sentiment, the support chatbot, product copy, recommendations.",
        subcommands: [
            BenchCommand.self,
            TokenizeCommand.self,
            SentimentCommand.self,
            EmbedCommand.self,
            IntentCommand.self,
            ChatCommand.self,
            CorpusCommand.self,
            DescribeCommand.self,
            RecommendCommand.self,
            ServeCommand.self,
            ModelCommand.self,
            // Each capability adds its command type here.
        ]
    )
}
