import ArgumentParser

/// `shopnlp tokenize …`: tokenising (the default, `run`) and training the segmenter.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Tokenise Chinese and English text, score a segmentation, or train the Chinese segmenter.",
        subcommands: [TokenizeRunCommand.self, TokenizeTrainCommand.self],
        defaultSubcommand: TokenizeRunCommand.self
    )
}
