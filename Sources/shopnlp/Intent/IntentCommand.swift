import ArgumentParser

/// `shopnlp intent …`: train, evaluate and run the support chatbot's intent model.
struct IntentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intent",
        abstract: "Intent model: train (TSV or Intents/), evaluate (accuracy, macro-F1, out-of-scope), predict (JSON lines).",
        subcommands: [IntentTrainCommand.self, IntentEvalCommand.self, IntentPredictCommand.self]
    )
}
