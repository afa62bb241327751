import ArgumentParser
import Foundation
import ShopData
import ShopEmbeddings

/// `shopnlp embed corpus`: writes the tokenised training text (one sentence per line,
/// tokens separated by spaces), so other tools (fastText, in the benchmark) train on
/// exactly the tokens we do.
struct EmbedCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "Write the tokenised training text, one sentence per line.")

    @OptionGroup var source: EmbedInputOptions
    @Option(name: .long, help: "Output text file.") var out: String
    @Option(name: .long, help: "Tokenising threads.", range: .threads) var threads = 2

    func run() throws {
        let loader = try source.loader(threads: threads)
        var text = ""
        var lines = 0
        for path in try source.files() {
            var raw: [String] = []
            try TrainingText.forEachLine(in: path, format: loader.format) { raw.append($0) }
            for sentence in try loader.tokenizeLines(raw) where !sentence.isEmpty {
                text += sentence.joined(separator: " ")
                text += "\n"
                lines += 1
            }
        }
        try AtomicFile.write(text, to: out)
        FileHandle.standardError.write(Data("wrote \(out): \(lines) lines\n".utf8))
    }
}

