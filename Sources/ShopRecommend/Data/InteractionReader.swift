import Foundation
import ShopData

/// Reads user–item interactions from JSON Lines or CSV, including the Amazon review
/// exports in `../shared/corpora` (2018 JSON: reviewerID/asin/overall/unixReviewTime/
/// reviewText; 2014 Kaggle CSV without header: reviewerID, asin, reviewerName, helpful,
/// reviewText, overall, summary, unixReviewTime, reviewTime). Other files name their
/// columns `user,item[,rating][,timestamp][,text]`.
public enum InteractionReader {
    public enum Layout: String, Sendable, CaseIterable {
        case auto, generic, amazonJSON = "amazon-json", amazonCSV = "amazon-csv"
    }

    /// Field names (or 1-based column numbers for headerless CSV) per layout.
    struct Columns {
        var user: String, item: String, rating: String?, timestamp: String?, text: String?
        static let generic = Columns(user: "user", item: "item", rating: "rating", timestamp: "timestamp", text: "text")
        static let amazonJSON = Columns(user: "reviewerID", item: "asin", rating: "overall", timestamp: "unixReviewTime", text: "reviewText")
        static let amazonCSV = Columns(user: "1", item: "2", rating: "6", timestamp: "8", text: "5")
    }

    /// All interactions of the file; bad records come back as errors with their line.
    public static func read(path: String, layout: Layout = .auto) throws -> (interactions: [Interaction], errors: [DataError]) {
        let format = RecordFormat.guess(path: path)
        guard format == .jsonl || format == .csv else {
            throw DataError(file: path, reason: "interactions must be JSON Lines (.jsonl/.json) or CSV (.csv)")
        }
        let resolved = layout == .auto ? try sniff(path: path, format: format) : layout
        let columns: Columns = resolved == .amazonJSON ? .amazonJSON : resolved == .amazonCSV ? .amazonCSV : .generic
        // The item id is always present, so reading "text" from it never fails on a review
        // without text; the review text itself is taken from `fields`.
        let headerless = resolved == .amazonCSV
        let options = RecordReaderOptions(format: format,
                                          textField: headerless ? .column(2) : .name(columns.item),
                                          header: format == .csv ? !headerless : nil,
                                          emptyText: .keep)
        let reader = try RecordReader(path: path, options: options)
        var out: [Interaction] = [], errors: [DataError] = []
        for result in reader {
            switch result {
            case .failure(let e): errors.append(e)
            case .success(let r):
                guard let user = r.fields[columns.user], !user.isEmpty else {
                    errors.append(DataError(file: path, line: r.line, field: columns.user, reason: "missing user id")); continue
                }
                guard let item = r.fields[columns.item], !item.isEmpty else {
                    errors.append(DataError(file: path, line: r.line, field: columns.item, reason: "missing item id")); continue
                }
                var x = Interaction(user: user, item: item)
                if let f = columns.rating, let v = r.fields[f], !v.isEmpty {
                    // inf, NaN and 1e400 (which Float reads as inf) would poison every
                    // factor and only fail at save time, with no line; the value itself is
                    // not echoed (a field may hold anything a user typed).
                    guard let rating = Float(v), rating.isFinite else {
                        errors.append(DataError(file: path, line: r.line, field: f, reason: "rating is not a finite number")); continue
                    }
                    x.rating = rating
                }
                if let f = columns.timestamp, let v = r.fields[f], !v.isEmpty {
                    // Int(Double) traps on NaN, infinity and anything beyond Int's range.
                    guard let t = Int(v) ?? Double(v).flatMap({ $0.isFinite ? Int(exactly: $0.rounded(.towardZero)) : nil }) else {
                        errors.append(DataError(file: path, line: r.line, field: f, reason: "timestamp is not a whole number")); continue
                    }
                    x.timestamp = t
                }
                if let f = columns.text, let v = r.fields[f], !v.isEmpty { x.text = v }
                out.append(x)
            }
        }
        return (out, errors)
    }

    /// Amazon JSON when the first object has `reviewerID`; Amazon CSV when the first CSV
    /// line has no `user` column; generic otherwise.
    static func sniff(path: String, format: RecordFormat) throws -> Layout {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataError(file: path, reason: "cannot open file")
        }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        let first = head.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        if format == .jsonl { return first.contains("\"reviewerID\"") ? .amazonJSON : .generic }
        let cells = first.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return cells.contains("user") ? .generic : .amazonCSV
    }
}
