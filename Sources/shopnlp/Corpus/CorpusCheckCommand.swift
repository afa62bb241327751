import ArgumentParser
import Foundation
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
        let start = DispatchTime.now()
        var errors = 0
        func report(_ e: DataError) {
            errors += 1
            if errors <= maxErrors { print(e.description) }
        }
        var summary: String
        switch input.special {
        case .semeval?:
            var sentences = 0, terms = 0, categories = 0
            var polarity: [String: Int] = [:]
            for r in try SemEvalReader(input.source) {
                switch r {
                case .failure(let e): report(e)
                case .success(let s):
                    sentences += 1
                    terms += s.aspectTerms.count
                    categories += s.aspectCategories.count
                    for t in s.aspectTerms { polarity[t.polarity, default: 0] += 1 }
                    for t in s.aspectTerms where s.range(of: t) == nil {
                        report(DataError(file: input.source.name, line: s.line, field: "aspectTerm",
                                         reason: "term '\(t.term)' not found in the sentence text"))
                    }
                }
            }
            summary = "\(sentences) sentences, \(terms) aspect terms (\(Self.counts(polarity, limit: maxLabels))), \(categories) aspect categories"
        case .blitzer?:
            var reviews = 0
            var ratings: [String: Int] = [:]
            for r in try BlitzerReader(input.source) {
                switch r {
                case .failure(let e): report(e)
                case .success(let review):
                    reviews += 1
                    ratings[review.rating.map { String($0) } ?? "none", default: 0] += 1
                }
            }
            summary = "\(reviews) reviews, ratings: \(Self.counts(ratings, limit: maxLabels))"
        case nil:
            let reader = try RecordReader(input.source, options: input.options)
            var records = 0
            var labels: [String: Int] = [:]
            for r in reader {
                switch r {
                case .failure(let e): report(e)
                case .success(let rec):
                    records += 1
                    if let l = rec.label { labels[l, default: 0] += 1 }
                }
            }
            summary = "\(records) records"
            if !labels.isEmpty { summary += ", \(labels.count) labels: \(Self.counts(labels, limit: maxLabels))" }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let mb = Double(reader.byteOffset) / 1e6
            summary += String(format: "; %.1f MB in %.2f s", mb, seconds)
        }
        if errors > maxErrors { print("… \(errors - maxErrors) more errors not shown (--max-errors)") }
        print("\(input.source.name): \(summary); \(errors) error\(errors == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }

    /// "a=3 b=2 …", most frequent first.
    static func counts(_ c: [String: Int], limit: Int) -> String {
        let sorted = c.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var s = sorted.prefix(limit).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        if sorted.count > limit { s += " …" }
        return s
    }
}
