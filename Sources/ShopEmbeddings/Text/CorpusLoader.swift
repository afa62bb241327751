import Foundation
import ShopData
import ShopTokenize
import ShopCore

/// Turns training files into a `CorpusBuilder`: reads every line, tokenises on all cores
/// with our tokeniser (normalised forms, the same keys classifiers look words up with),
/// and adds the sentences in file order so the result never depends on thread timing.
public struct CorpusLoader: Sendable {
    /// How each line becomes tokens.
    public enum Tokenization: Sendable {
        /// `Tokenizer.words(_:)` with normalisation (NFKC, case folding, half-width).
        case shopTokenizer
        /// The input is already tokenised: split on spaces.
        case pretokenized
    }

    public var format: TrainingText.Format
    public var tokenization: Tokenization
    public var threads: Int
    /// Lines whose normalised key (`TextKey`) is here are skipped: held-out texts that
    /// pretraining must never see (see `EvaluationSplits`).
    public var exclude: TextKeySet?
    /// Where the kept lines are also written, one per line, for `corpus overlap` audits.
    public var keptTextLog: String?
    /// Receives each bad line (invalid UTF-8, …) while reading goes on; nil: the first
    /// bad line ends the load with its error.
    public var onBadLine: (@Sendable (EmbeddingError) -> Void)?

    public init(format: TrainingText.Format = .auto, tokenization: Tokenization = .shopTokenizer, threads: Int = 2,
                exclude: TextKeySet? = nil, keptTextLog: String? = nil) {
        self.format = format
        self.tokenization = tokenization
        self.threads = max(1, threads)
        self.exclude = exclude
        self.keptTextLog = keptTextLog
    }

    /// What `load` read and dropped.
    public struct Counts: Sendable {
        public var lines = 0
        public var excluded = 0
    }

    /// The tokeniser used for `.shopTokenizer`: normalised words, as classifiers should use
    /// when they look tokens up in vectors trained this way.
    public static func makeTokenizer() throws -> Tokenizer {
        try Tokenizer(options: TokenizerOptions(normalize: true))
    }

    /// Reads `paths` in order and returns the collected sentences.
    public func load(_ paths: [String]) throws -> CorpusBuilder {
        try loadCounting(paths).builder
    }

    /// `load`, also returning how many lines were read and how many `exclude` dropped.
    public func loadCounting(_ paths: [String]) throws -> (builder: CorpusBuilder, counts: Counts) {
        var builder = CorpusBuilder()
        var counts = Counts()
        var kept: [String] = []
        let tokenizer: Tokenizer? = tokenization == .shopTokenizer ? try CorpusLoader.makeTokenizer() : nil
        for path in paths {
            var lines: [String] = []
            try TrainingText.forEachLine(in: path, format: format, onBadLine: onBadLine) { line in
                counts.lines += 1
                if let exclude, exclude.contains(text: line) { counts.excluded += 1; return }
                lines.append(line)
            }
            if keptTextLog != nil { kept += lines }
            for sentence in tokenize(lines, tokenizer) { builder.add(sentence) }
        }
        if let keptTextLog {
            try AtomicFile.write(Data((kept.joined(separator: "\n") + "\n").utf8), to: keptTextLog)
        }
        return (builder, counts)
    }

    /// Tokenises `lines` (in order) the way `load` does.
    public func tokenizeLines(_ lines: [String]) throws -> [[String]] {
        tokenize(lines, tokenization == .shopTokenizer ? try CorpusLoader.makeTokenizer() : nil)
    }

    func tokenize(_ lines: [String], _ tokenizer: Tokenizer?) -> [[String]] {
        guard let tokenizer else {
            return lines.map { $0.split(separator: " ").map(String.init) }
        }
        let chunks = min(threads * 4, max(1, lines.count))
        let results = ResultSlots<[[String]]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = lines.count * c / chunks, hi = lines.count * (c + 1) / chunks
            results.set(c, lines[lo..<hi].map { tokenizer.words($0) })
        }
        return results.values().flatMap { $0 }
    }
}
