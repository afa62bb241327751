import ArgumentParser
import ShopData

/// `shopnlp corpus check FILE`: reads every record and prints each problem as
/// `file:line: reason`, then a summary (records, errors, labels, speed). Exit status 1
/// when any record is bad, so review pipelines can gate on it.
struct CorpusCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a corpus file: print every bad record with its line and reason, then counts.",
        discussion: """
        Examples:
          shopnlp corpus check blitzer_multi_domain_sentiment/books/train.tsv
          shopnlp corpus check reviews.jsonl --text-field reviewText --label-field overall
          shopnlp corpus check products.csv --text-field "Product Name"
          shopnlp corpus check feed.xml --record item --text-field description --label-field g:price
          shopnlp corpus check semeval2014_absa/Laptop_Train_v2.xml --format semeval
          shopnlp corpus check blitzer_multi_domain_sentiment/books/positive.review --format blitzer
        """
    )

    @OptionGroup var input: CorpusReaderArguments
    @Option(name: .long, help: "Print at most this many errors (all are counted).", range: .nonNegativeCount) var maxErrors = 50
    @Option(name: .long, help: "List at most this many distinct labels in the summary.", range: .nonNegativeCount) var maxLabels = 20

    func run() throws {
        var errors = 0
        let reader: CorpusCheck.Reader = switch input.special {
        case .semeval?: .semeval
        case .blitzer?: .blitzer
        case nil: .records(input.options)
        }
        let summary = try CorpusCheck.summary(of: input.source, reader: reader, maxLabels: maxLabels) { e in
            errors += 1
            if errors <= maxErrors { print(e.description) }
        }
        if errors > maxErrors { print("… \(errors - maxErrors) more errors not shown (--max-errors)") }
        print("\(input.source.name): \(summary); \(errors) error\(errors == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
