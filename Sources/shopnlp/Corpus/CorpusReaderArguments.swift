import ArgumentParser
import Foundation
import ShopData
import ShopCore

/// The reader options shared by `shopnlp corpus …` commands: format, fields, header, policies.
struct CorpusReaderArguments: ParsableArguments {
    @Argument(help: "Input file (`-` for standard input); a path relative to the corpora folder also works, e.g. semeval2014_absa/Laptop_Train_v2.xml.") var file: String
    @Option(name: .long, help: "text, tsv, csv, jsonl, xml, or the corpus-specific semeval / blitzer (default: from the extension, else text).") var format: String?
    @Option(name: .long, help: "The text field: a name (CSV/TSV header, JSON key, XML element or attribute) or a 1-based column number.") var textField: String?
    @Option(name: .long, help: "The label field, like --text-field (TSV default: column 1).") var labelField: String?
    @Flag(name: .long, inversion: .prefixedNo, help: "Whether the first CSV/TSV row is a header (default: yes for CSV, no for TSV).") var header: Bool?
    @Option(name: .long, help: "CSV delimiter (one ASCII character).") var delimiter: String = ","
    @Option(name: .long, help: "XML: the record element, e.g. review, item, sentence.") var record: String = "review"
    @Option(name: .long, help: "Invalid UTF-8: report or replace (with U+FFFD).") var invalidUtf8: String = "report"
    @Option(name: .long, help: "Empty text: error, skip or keep.") var emptyText: String = "error"
    @Flag(name: .long, help: "Turn HTML in the text into plain text (tags dropped, entities decoded).") var stripHtml = false
    @Option(name: .long, help: "The shared corpora folder (default: SHOPNLP_CORPORA, else ../shared/corpora).") var corpora: String?

    /// Corpus-specific formats handled outside `RecordReader`.
    enum Special: String { case semeval, blitzer }

    func validate() throws {
        if let format, RecordFormat(rawValue: format) == nil, Special(rawValue: format) == nil {
            throw ValidationError("--format must be one of text, tsv, csv, jsonl, xml, semeval, blitzer")
        }
        if InvalidUTF8Policy(rawValue: invalidUtf8) == nil { throw ValidationError("--invalid-utf8 must be report or replace") }
        if EmptyTextPolicy(rawValue: emptyText) == nil { throw ValidationError("--empty-text must be error, skip or keep") }
        if delimiter.utf8.count != 1 { throw ValidationError("--delimiter must be one ASCII character") }
    }

    /// The input: the path as given when it exists, else the same path under the corpora folder.
    var source: InputSource {
        if file == "-" { return .standardInput }
        if FileManager.default.fileExists(atPath: file) { return .file(file) }
        let inCorpora = ResourcePaths.corpus(file, root: corpora)
        return FileManager.default.fileExists(atPath: inCorpora) ? .file(inCorpora) : .file(file)
    }

    var special: Special? { format.flatMap(Special.init(rawValue:)) }

    var options: RecordReaderOptions {
        let fmt = format.flatMap(RecordFormat.init(rawValue:)) ?? (file == "-" ? .text : RecordFormat.guess(path: file))
        return RecordReaderOptions(format: fmt, textField: textField.map(FieldSelector.init(parsing:)),
                                   labelField: labelField.map(FieldSelector.init(parsing:)), header: header,
                                   csvDelimiter: delimiter.utf8.first ?? UInt8(ascii: ","), recordElement: record,
                                   invalidUTF8: InvalidUTF8Policy(rawValue: invalidUtf8) ?? .report,
                                   emptyText: EmptyTextPolicy(rawValue: emptyText) ?? .error, stripHTML: stripHtml)
    }
}
