import ArgumentParser
import Foundation
import ShopData

/// `shopnlp corpus export FILE`: any readable format → the corpora's `label<TAB>text`
/// TSV (tabs and line breaks in the text become spaces), for training and tagging tools.
struct CorpusExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert records to label<TAB>text TSV (or text-only lines); bad records are reported on standard error.",
        discussion: """
        Example:
          shopnlp corpus export amazon_all_beauty_5core/All_Beauty_5.json --text-field reviewText \\
              --label-field overall --output beauty.tsv
        """
    )

    @OptionGroup var input: CorpusReaderArguments
    @Option(name: .long, help: "Output file, written atomically (default: standard output).") var output: String?

    func run() throws {
        if input.special != nil { throw ValidationError("export reads text, tsv, csv, jsonl and xml; use --format xml for SemEval/Blitzer files") }
        let reader = try RecordReader(input.source, options: input.options)
        let sink: AtomicFileWriter? = try output.map { try AtomicFileWriter(path: $0) }
        var buffer = ""
        var written = 0, errors = 0
        func flush() throws {
            if let sink { try sink.write(buffer) } else { FileHandle.standardOutput.write(Data(buffer.utf8)) }
            buffer.removeAll(keepingCapacity: true)
        }
        for r in reader {
            switch r {
            case .failure(let e):
                errors += 1
                FileHandle.standardError.write(Data((e.description + "\n").utf8))
            case .success(let rec):
                if let label = rec.label { buffer += Self.oneLine(label) + "\t" }
                buffer += Self.oneLine(rec.text) + "\n"
                written += 1
                if buffer.utf8.count > 1 << 20 { try flush() }
            }
        }
        try flush()
        try sink?.commit()
        FileHandle.standardError.write(Data("\(written) records written, \(errors) errors\n".utf8))
        if errors > 0 { throw ExitCode(1) }
    }

    /// Tabs, line breaks and other separators become single spaces; the ends are trimmed.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
