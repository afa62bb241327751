import ArgumentParser

/// `shopnlp embed …`: train word vectors on our corpora and inspect or convert them.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Word embeddings: skip-gram with subwords, trained on shop text.",
        subcommands: [
            EmbedTrainCommand.self,
            EmbedNeighborsCommand.self,
            EmbedSimilarityCommand.self,
            EmbedAnalogyCommand.self,
            EmbedExportCommand.self,
            EmbedImportCommand.self,
            EmbedCorpusCommand.self,
        ]
    )
}
