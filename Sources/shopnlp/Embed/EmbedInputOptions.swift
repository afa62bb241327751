import ArgumentParser
import Foundation
import ShopData
import ShopEmbeddings
import ShopCore

/// Where training text comes from: explicit files, or the standard train splits of one
/// language from the shared corpora.
struct EmbedInputOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "Training files: plain text lines or TSV label<TAB>text.") var input: [String] = []
    @Option(name: .long, help: "Use the train splits of the shared corpora for this language (zh or en).") var corpusSet: String?
    @Option(name: .long, help: "Shared corpora folder (default: $SHOPNLP_CORPORA or ../shared/corpora).") var corpora: String?
    @Flag(name: .long, help: "Input is already tokenised: split lines on spaces instead of running the tokeniser.") var tokenized = false
    @Option(name: .long, help: "Input format: auto, text or tsv.") var format: String = "auto"
    @Flag(name: .long, help: "Drop every line with a normalised twin in any dev/test split of the shared corpora (always on with --corpus-set).") var excludeHeldOut = false
    @Option(name: .long, help: "Also write the lines kept for training here (for `shopnlp corpus overlap` audits).") var writeText: String?

    func files() throws -> [String] {
        var files = input
        if let corpusSet {
            guard let lang = Language(rawValue: corpusSet) else {
                throw ValidationError("--corpus-set must be zh or en")
            }
            files += EmbeddingCorpora.trainFiles(lang, root: corpora)
        }
        guard !files.isEmpty else { throw ValidationError("give --input FILE… or --corpus-set zh|en") }
        return files
    }

    func loader(threads: Int) throws -> CorpusLoader {
        guard let f = TrainingText.Format(rawValue: format) else {
            throw ValidationError("--format must be auto, text or tsv")
        }
        var exclude: TextKeySet?
        if excludeHeldOut || corpusSet != nil {
            let held = try EvaluationSplits.keys(root: corpora)
            exclude = held.keys
            EmbedInputOptions.log("excluding \(held.keys.count) held-out text keys from \(held.files.count) dev/test files")
        }
        return CorpusLoader(format: f, tokenization: tokenized ? .pretokenized : .shopTokenizer, threads: threads,
                            exclude: exclude, keptTextLog: writeText)
    }

    static func log(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
