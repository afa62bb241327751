/// Streams the Blitzer multi-domain sentiment files (`<domain>/positive.review`,
/// `negative.review`; a `<reviews>` root holding `<review>` elements with `unique_id`,
/// `asin`, `product_name`, `product_type`, `helpful`, `rating`, `title`, `date`,
/// `reviewer`, `reviewer_location`, `review_text`). A review without text or with a
/// rating that is not a number is a per-review error; malformed XML ends the stream.
public final class BlitzerReader: Sequence, IteratorProtocol {
    private let records: XMLRecordReader
    private let decodeHTML: Bool

    /// With `decodeHTML` the texts go through `HTMLText` (the files carry escaped
    /// entities such as `&lt;` and `&quot;` inside the text).
    public init(_ source: InputSource, decodeHTML: Bool = false) throws {
        records = try XMLRecordReader(source, recordElement: "review")
        self.decodeHTML = decodeHTML
    }

    public convenience init(path: String, decodeHTML: Bool = false) throws {
        try self.init(.file(path), decodeHTML: decodeHTML)
    }

    public init(xml text: String, name: String = "<memory>", decodeHTML: Bool = false) throws {
        records = try XMLRecordReader(xml: text, name: name, recordElement: "review")
        self.decodeHTML = decodeHTML
    }

    /// Reads a whole file; throws on the first problem.
    public static func load(path: String, decodeHTML: Bool = false) throws -> [BlitzerReview] {
        try BlitzerReader(path: path, decodeHTML: decodeHTML).map { try $0.get() }
    }

    public func next() -> Result<BlitzerReview, DataError>? {
        guard let r = records.next() else { return nil }
        switch r {
        case .failure(let e): return .failure(e)
        case .success(let rec): return review(rec)
        }
    }

    private func review(_ rec: XMLRecord) -> Result<BlitzerReview, DataError> {
        func f(_ k: String) -> String {
            let v = rec.fields[k] ?? ""
            return decodeHTML ? HTMLText.plainText(v) : v
        }
        guard let text = rec.fields["review_text"], !text.isEmpty else {
            return .failure(DataError(file: records.name, line: rec.line, field: "review_text", reason: "missing or empty"))
        }
        var rating: Double?
        if let r = rec.fields["rating"], !r.isEmpty {
            guard let v = Double(r), (0...5).contains(v) else {
                return .failure(DataError(file: records.name, line: rec.line, field: "rating", reason: "'\(r)' is not a star rating"))
            }
            rating = v
        }
        return .success(BlitzerReview(uniqueID: f("unique_id"), asin: f("asin"), productName: f("product_name"),
                                      productType: f("product_type"), helpful: f("helpful"), rating: rating,
                                      title: f("title"), date: f("date"), reviewer: f("reviewer"),
                                      reviewerLocation: f("reviewer_location"), text: f("review_text"), line: rec.line))
    }
}
