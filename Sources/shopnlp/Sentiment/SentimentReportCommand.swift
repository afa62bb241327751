import ArgumentParser
import Foundation
import ShopData
import ShopSentiment
#if canImport(Glibc)
import Glibc
#endif

/// `shopnlp sentiment report`: an offline HTML report (plus JSON and CSV) from tagged JSON Lines.
struct SentimentReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise tagged reviews: share positive overall, by product and week, aspects and top complaints.",
        discussion: """
        Reads JSON Lines: tagged records from `sentiment tag --aspects` (label, aspects) or reviews
        without a label, which are tagged on the way (with aspects). Optional fields: text (for
        example sentences), product, date (YYYY-MM-DD… or Unix seconds). Writes OUT.html (inline
        SVG, readable offline), OUT.json and OUT.csv. Bad records get one line each on standard
        error; the report is written from the rest. Streams: memory does not grow with the input.
        """)

    @Option(name: .long, help: "Input JSON Lines (default: standard input).") var input: String?
    @Option(name: .long, help: "Output base name: writes BASE.html, BASE.json, BASE.csv.") var out: String
    @Option(name: .long, help: "Key of the review text.") var textField = "text"
    @Option(name: .long, help: "Key of the product.") var productField = "product"
    @Option(name: .long, help: "Key of the date.") var dateField = "date"
    @Option(name: .long, help: "Sentiment model for untagged reviews (default: Models/sentiment-zh or -en by language).") var model: String?
    @Option(name: .long, help: "English aspect-polarity model (default: Models/absa-en.model when present).") var aspectModel: String?
    @Option(name: .long, help: "Aspects listed among the top complaints.") var top = 10
    @Option(name: .long, help: "Report title.") var title = "Review report"
    @Flag(name: .long, help: "No progress bar.") var quiet = false

    func run() throws {
        var options = ReportOptions()
        options.parser = ReportLineParser(textKey: textField, productKey: productField, dateKey: dateField)
        options.topComplaints = top
        options.title = title
        let reader = try LineReader(input.map(InputSource.init(argument:)) ?? .standardInput)
        let tty = isatty(2) == 1
        let (model, aspectModel) = (self.model, self.aspectModel)
        let summary = try ReviewReport.run(
            reader: reader, options: options, outputs: ReportOutputs(base: out),
            makeTagger: {
                RecordTagger(chooser: try SentimentPaths.chooser(model: model),
                             options: TagOptions(aspects: true, workers: ProcessInfo.processInfo.activeProcessorCount),
                             aspects: try SentimentPaths.loadAspects(aspectModel: aspectModel))
            },
            problem: { SentimentPaths.log((tty && !quiet ? "\r\u{1B}[K" : "") + $0 + "\n") },
            progress: quiet || !tty ? nil : { read, total, records in
                if let total, total > 0 {
                    let f = Double(read) / Double(total)
                    let bar = String(repeating: "#", count: Int(f * 30)) + String(repeating: ".", count: 30 - Int(f * 30))
                    SentimentPaths.log(String(format: "\r[%@] %3.0f%%  %d records", bar, f * 100, records))
                } else {
                    SentimentPaths.log("\r\(records) records")
                }
            })
        if tty && !quiet { SentimentPaths.log("\n") }
        SentimentPaths.log(String(format: "%d records (%d unusable), %.1f%% positive; wrote %@.html, .json, .csv\n",
                                  summary.records, summary.invalidRecords, summary.overall.positiveShare * 100, out))
    }
}
