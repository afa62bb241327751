import Foundation

/// What `shopnlp corpus check` does, so that the command only parses options: reads every
/// record of a corpus file, hands each problem to `report` as it is found (file order), and
/// returns the summary of what was read.
public enum CorpusCheck {
    /// Which reader reads the file.
    public enum Reader: Sendable {
        /// `RecordReader` (text, TSV, CSV, JSON lines, XML) with these options.
        case records(RecordReaderOptions)
        /// SemEval-2014 ABSA XML: also reports aspect terms not found in their sentence.
        case semeval
        /// Blitzer's pseudo-XML `.review` files.
        case blitzer
    }

    /// Reads `source`; `maxLabels` bounds the labels (polarities, ratings) the summary lists.
    /// The summary says what was read, e.g. `120 records, 2 labels: 1=70 0=50; 0.0 MB in 0.01 s`.
    public static func summary(of source: InputSource, reader: Reader, maxLabels: Int,
                               report: (DataError) -> Void) throws -> String {
        let start = DispatchTime.now()
        switch reader {
        case .semeval:
            var sentences = 0, terms = 0, categories = 0
            var polarity: [String: Int] = [:]
            for r in try SemEvalReader(source) {
                switch r {
                case .failure(let e): report(e)
                case .success(let s):
                    sentences += 1
                    terms += s.aspectTerms.count
                    categories += s.aspectCategories.count
                    for t in s.aspectTerms { polarity[t.polarity, default: 0] += 1 }
                    for t in s.aspectTerms where s.range(of: t) == nil {
                        report(DataError(file: source.name, line: s.line, field: "aspectTerm",
                                         reason: "term '\(t.term)' not found in the sentence text"))
                    }
                }
            }
            return "\(sentences) sentences, \(terms) aspect terms (\(counts(polarity, limit: maxLabels))), \(categories) aspect categories"
        case .blitzer:
            var reviews = 0
            var ratings: [String: Int] = [:]
            for r in try BlitzerReader(source) {
                switch r {
                case .failure(let e): report(e)
                case .success(let review):
                    reviews += 1
                    ratings[review.rating.map { String($0) } ?? "none", default: 0] += 1
                }
            }
            return "\(reviews) reviews, ratings: \(counts(ratings, limit: maxLabels))"
        case .records(let options):
            let records = try RecordReader(source, options: options)
            var count = 0
            var labels: [String: Int] = [:]
            for r in records {
                switch r {
                case .failure(let e): report(e)
                case .success(let rec):
                    count += 1
                    if let l = rec.label { labels[l, default: 0] += 1 }
                }
            }
            var summary = "\(count) records"
            if !labels.isEmpty { summary += ", \(labels.count) labels: \(counts(labels, limit: maxLabels))" }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let mb = Double(records.byteOffset) / 1e6
            return summary + String(format: "; %.1f MB in %.2f s", mb, seconds)
        }
    }

    /// "a=3 b=2 …", most frequent first (ties by name), at most `limit` of them.
    public static func counts(_ c: [String: Int], limit: Int) -> String {
        let sorted = c.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var s = sorted.prefix(limit).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        if sorted.count > limit { s += " …" }
        return s
    }
}
