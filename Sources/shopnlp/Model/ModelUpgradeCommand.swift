import ShopCore
import ArgumentParser
import ShopDialogue

/// `shopnlp model upgrade --in OLD --out NEW`: re-saves a sentiment, intent or segmenter model
/// of an earlier format as a ModelArchive (`ModelUpgrade`).
struct ModelUpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Re-save a model file of an earlier format (SHOPSENT, SNLPINTM, SHOPSEG) in the current one.",
        discussion: """
        The model is read with its own loader, re-encoded as a ModelArchive and checked to hold \
        the same weights before the new file is written (atomically; --out may equal --in).

        Example:
          shopnlp model upgrade --in Models/intent.model --out Models/intent.model
        """
    )

    @Option(name: .customLong("in"), help: "The model file to read.") var input: String
    @Option(name: .customLong("out"), help: "Where to write the re-saved file.") var output: String

    func run() throws {
        print(try ModelUpgrade.run(input: input, output: output).summary)
    }
}
