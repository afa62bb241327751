import Foundation
import ShopData

/// Options of `ReviewReport.run`.
public struct ReportOptions: Sendable {
    public var parser = ReportLineParser()
    /// Records read (and tagged) at a time.
    public var chunkSize = 1024
    public var topComplaints = 10
    public var maxProducts = 10_000
    public var maxAspects = 5_000
    public var title = "Review report"

    public init() {}
}

/// Where a report goes: the HTML page and the same numbers as JSON and CSV.
public struct ReportOutputs: Sendable {
    public var html: String
    public var json: String
    public var csv: String

    public init(html: String, json: String, csv: String) { self.html = html; self.json = json; self.csv = csv }

    /// `base.html`, `base.json`, `base.csv`.
    public init(base: String) { self.init(html: base + ".html", json: base + ".json", csv: base + ".csv") }
}

/// `shopnlp sentiment report`: streams JSON Lines (tagged records, or reviews that get
/// tagged on the way) into a `ReportAggregator` and writes the report files. Memory is
/// bounded by a chunk of lines plus the aggregator's limits, whatever the input's size.
public enum ReviewReport {
    /// Reads every line of `reader`. Each unusable record or field gives one call of
    /// `problem` ("file:line: reason") and the report is still written from the rest.
    /// `makeTagger` is called once, on the first record without a label.
    @discardableResult
    public static func run(reader: LineReader, options: ReportOptions, outputs: ReportOutputs,
                           makeTagger: (() throws -> RecordTagger)?, problem: (String) -> Void,
                           progress: ((_ bytesRead: Int64, _ totalBytes: Int64?, _ records: Int) -> Void)? = nil) throws -> ReportSummary {
        var aggregator = ReportAggregator(maxProducts: options.maxProducts, maxAspects: options.maxAspects)
        var tagger: RecordTagger? = nil
        var taggerFailed = false
        var chunk: [(number: Int, bytes: [UInt8])] = []
        func report(_ line: Int, _ reason: String) { problem("\(reader.name):\(line): \(reason)") }

        func flush() throws {
            var untagged: [ReviewRecord] = []
            for (number, bytes) in chunk {
                switch options.parser.parse(bytes, line: number) {
                case .record(let r, let warning):
                    if let warning { report(number, warning) }
                    aggregator.add(r)
                case .untagged(let r, let warning):
                    if let warning { report(number, warning) }
                    untagged.append(r)
                case .invalid(let reason):
                    report(number, reason)
                    aggregator.addInvalid()
                }
            }
            chunk.removeAll(keepingCapacity: true)
            guard !untagged.isEmpty else { return }
            if tagger == nil && !taggerFailed {
                if let makeTagger { tagger = try makeTagger() } else { taggerFailed = true }
            }
            guard let tagger else {
                for r in untagged {
                    report(r.line, "no 'label' (tagged input expected; give a sentiment model to tag reviews on the way)")
                    aggregator.addInvalid()
                }
                return
            }
            let tagged = tagger.tag(records: untagged.map { ($0.text ?? "", $0.line) })
            for (r, t) in zip(untagged, tagged) {
                guard t.error == nil, case .record(var done, _) = options.parser.parse(Array(t.json.utf8), line: r.line) else {
                    report(r.line, "could not be tagged: \(t.error ?? "no label")")
                    aggregator.addInvalid()
                    continue
                }
                done.text = r.text; done.product = r.product; done.day = r.day
                aggregator.add(done)
            }
        }

        while let line = try reader.nextLine() {
            if line.bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            chunk.append((line.number, line.bytes))
            if chunk.count >= options.chunkSize {
                try flush()
                progress?(reader.byteOffset, reader.totalBytes, aggregator.records)
            }
        }
        try flush()
        progress?(reader.byteOffset, reader.totalBytes, aggregator.records)
        let summary = aggregator.summary(topComplaints: options.topComplaints)
        if summary.singleReviewProducts > 0 {
            problem("\(reader.name): \(summary.singleReviewProducts) of \(summary.products.count) products have a single review; their share positive says little")
        }
        if summary.untrackedProductReviews > 0 {
            problem("\(reader.name): more than \(options.maxProducts) products; \(summary.untrackedProductReviews) reviews of later products are counted overall only")
        }
        try write(summary, to: outputs, title: options.title)
        return summary
    }

    /// Writes the three files (each atomically).
    public static func write(_ summary: ReportSummary, to outputs: ReportOutputs, title: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.keyEncodingStrategy = .convertToSnakeCase
        try AtomicFile.write(try enc.encode(summary), to: outputs.json)
        try AtomicFile.write(ReportCSV.render(summary), to: outputs.csv)
        try AtomicFile.write(ReportHTML.render(summary, title: title), to: outputs.html)
    }
}
