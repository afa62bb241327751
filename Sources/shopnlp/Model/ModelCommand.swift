import ArgumentParser

/// `shopnlp model …`: model file maintenance.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Model file maintenance (re-save files of an earlier format).",
        subcommands: [ModelUpgradeCommand.self]
    )
}
