import ArgumentParser
import Foundation
import ShopData
import ShopTokenize
import ShopCore

/// `shopnlp tokenize [run]`: one output line per input line, tokens separated by one space.
struct TokenizeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Tokenise Chinese and English text (UTF-8 lines from files or stdin), or score a segmentation.",
        discussion: """
        Whitespace is dropped, punctuation kept; prices, decimals, model numbers, emoji, URLs and \
        e-mail addresses stay whole. Output keeps the exact input characters unless --normalize.
        With --score GOLD the input is segmented and compared with GOLD (words separated by spaces, \
        one line per input line): span-based precision, recall and F1.
        """
    )

    @Argument(help: "Input files (UTF-8); none or '-' reads stdin.") var files: [String] = []
    @Option(help: "Language: auto (by script), zh or en.") var lang: String = "auto"
    @Flag(help: "Print NFKC + case-folded + half-width forms.") var normalize = false
    @Option(name: .customLong("user-dict"), help: "A file of words (one per line) that must stay whole.") var userDict: String?
    @Option(help: "Score against this gold segmentation instead of printing tokens.") var score: String?
    @Option(help: "With --score: a word list (one per line, first field) for OOV/IV recall.") var lexicon: String?
    @Option(help: "Use this segmentation model file instead of Corpora/segmentation/segmenter.bin.") var model: String?
    @Option(help: "Longest line tokenised; longer lines are cut to it with a warning.", range: .recordChars) var maxChars = TextLimit.tagging.maxChars

    func run() throws {
        let language = Language(rawValue: lang)
        guard language != nil || lang == "auto" else {
            throw ValidationError("--lang must be auto, zh or en (got '\(lang)')")
        }
        var words: [String] = []
        if let userDict { words = try Self.readWordList(userDict) }
        let options = TokenizerOptions(language: language, normalize: normalize, userWords: words)
        let tokenizer: Tokenizer
        if let model {
            tokenizer = try Tokenizer(options: options, model: try SegmenterModel.load(path: model))
        } else {
            tokenizer = try Tokenizer(options: options)
        }
        if !tokenizer.usesSegmentationModel && language != .en {
            FileHandle.standardError.write(Data("shopnlp: no segmentation model found (Corpora/segmentation/\(SegmenterModel.fileName)); Chinese falls back to ICU's dictionary segmentation\n".utf8))
        }
        if let score {
            try runScore(tokenizer, goldPath: score)
            return
        }
        var out = TokenizeOutput()
        var failed = 0
        let limit = TextLimit(maxChars: maxChars)
        for path in files.isEmpty ? ["-"] : files {
            let reader = try LineReader(InputSource(argument: path))
            failed += try reader.forEachText(limit: limit, errorPrefix: "shopnlp: ", warningPrefix: "shopnlp: warning: ",
                                             invalidUTF8: ("line left empty in the output", { out.writeLine("") })) { line in
                out.writeLine(tokenizer.words(line).joined(separator: " "))
            }
        }
        out.flush()
        if failed > 0 { throw ExitCode(1) }
    }

    /// Scores over the whole file, as the SIGHAN scorer does (it aligns words, not lines:
    /// the MSR gold file breaks a few lines differently from its raw file).
    private func runScore(_ tokenizer: Tokenizer, goldPath: String) throws {
        guard files.count <= 1 else { throw ValidationError("--score takes one input file") }
        let lexiconWords = try lexicon.map { Set(try Self.readWordList($0)) }
        var predicted: [String] = []
        for line in try Self.readLines(files.first ?? "-") { predicted += tokenizer.tokenize(line).map(\.text) }
        let gold = try Self.readLines(goldPath).flatMap { $0.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
        var result = SegmentationScore()
        result.add(predicted: predicted, gold: gold, lexicon: lexiconWords)
        if result.mismatchedLines > 0 {
            throw ValidationError("\(goldPath): the gold words do not spell the same characters as the input")
        }
        print(result)
    }

    static func readLines(_ path: String) throws -> [String] {
        try LineReader.lines(of: InputSource(argument: path))
    }

    /// One word per line (first whitespace-separated field; blank lines and '#' comments skipped).
    static func readWordList(_ path: String) throws -> [String] {
        try readLines(path).compactMap { line in
            let field = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
            guard let field, !field.hasPrefix("#") else { return nil }
            return field
        }
    }
}
