import ArgumentParser

/// `shopnlp corpus …`: validate and convert input files with the ShopData readers.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Check and convert corpus files (text, TSV, CSV, JSON Lines, XML, SemEval, Blitzer).",
        subcommands: [CorpusCheckCommand.self, CorpusExportCommand.self, CorpusOverlapCommand.self]
    )
}
