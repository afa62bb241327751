import Foundation
import Hummingbird
import ShopCopywriting
import ShopCore
import ShopData

extension ShopService {
    /// `POST /v1/describe/file`: a whole product file as the console uploads it —
    /// `{"format": "jsonl"|"csv"|"xml", "content": "<the file's text>", lang, tone, variants,
    /// max_chars, seed, reviews?}` — read by `describe`'s own readers, then described as
    /// `/v1/describe` does; `reviews` (JSON Lines text, as `describe --reviews`) adds
    /// review-grounded highlights. Records that cannot be read (or have no title) are listed in
    /// `errors` with their line and field; a file with no readable product is a 400.
    func addProductFileRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/describe/file") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let formatName = try body.string("format")
            guard let format = ProductFormat(rawValue: formatName), format != .advertisegen else {
                throw APIError.badRequest("format", "'format' must be jsonl, csv or xml")
            }
            let content = try body.string("content")
            if content.allSatisfy(\.isWhitespace) { throw APIError.badRequest("content", "the file is empty") }
            let options = try Self.describerOptions(body)
            let reviewsText = try body.optionalString("reviews")
            let (records, errors) = try await self.compute { try Self.readProducts(content, format: format) }
            let evidence = try reviewsText.map { text throws(APIError) -> ReviewEvidence in
                let (reviews, bad) = Self.readReviews(text, language: options.language)
                if reviews.isEmpty {
                    let first = bad.first.map { "line \($0.line ?? 0): \($0.reason)" } ?? "no lines"
                    throw APIError.badRequest("reviews", "no review could be read (JSON Lines with product_id and text or aspects; \(first))")
                }
                return ReviewEvidence(reviews: reviews)
            }
            if records.isEmpty {
                let first = errors.first.map { e in "line \(e.line.map(String.init) ?? "?"): \(e.reason)" } ?? "no records"
                throw APIError.badRequest("content", "no product could be read as \(format.rawValue) (\(errors.count) bad record\(errors.count == 1 ? "" : "s"); \(first))")
            }
            try self.checkBatch(records.count, field: "content")
            let models = try self.store.require()
            let lines = try await self.compute { () -> [String] in
                let describer = ProductDescriber(
                    library: models.templates, checker: models.checker,
                    ranker: Ranker(weights: RankingWeights.shipped, fluency: models.fluency), options: options, reviews: evidence)
                return zip(records, describer.describe(records, threads: 1)).map { r, d in
                    // the title beside the blurbs, so the console can show which product each is
                    let line = DescriptionJSON.line(d, evidence: evidence)
                    return "{\"product_title\":" + DescriptionJSON.quote(r.title ?? "") + ",\"source_line\":\(r.line)," + line.dropFirst()
                }
            }
            let errorJSON = errors.map { e -> JSONValue in
                var kv: [(String, JSONValue)] = [("line", e.line.map { .int($0) } ?? .null)]
                if let f = e.field { kv.append(("field", .string(f))) }
                kv.append(("message", .string(e.reason)))
                return .object(kv)
            }
            return JSONResponse.make(.raw("{\"results\":[" + lines.joined(separator: ",") + "],\"errors\":" + JSONValue.array(errorJSON).rendered + "}"))
        }
    }

    /// Reviews for grounding (`describe --reviews`): JSON Lines with a product id and a text or
    /// the tagger's aspects; lines that cannot be read are returned as errors.
    static func readReviews(_ text: String, language: Language?) -> (reviews: [ProductReview], errors: [DataError]) {
        var reviews: [ProductReview] = [], errors: [DataError] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            switch ReviewReader.parse(Data(line.utf8), file: "reviews", line: i + 1, language: language) {
            case .success(let r): reviews.append(r)
            case .failure(let e): errors.append(e)
            }
        }
        return (reviews, errors)
    }

    /// The records of a product file in `format`, through a private temporary file (the
    /// readers stream from paths), which is removed before returning.
    static func readProducts(_ content: String, format: ProductFormat) throws -> (records: [ProductRecord], errors: [DataError]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopnlp-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("products.\(format.rawValue)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(content.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw APIError(.internalServerError, "could not stage the upload")
        }
        if format == .xml { LibXML.ensureInitialized() }
        let reader: ProductReader
        do { reader = try ProductReader(path: path, format: format) } catch {
            let reason = (error as? DataError)?.reason ?? "unreadable"
            throw APIError.badRequest("content", "the file cannot be read as \(format.rawValue): \(reason)")
        }
        var records: [ProductRecord] = [], errors: [DataError] = []
        for r in reader {
            switch r {
            case .success(let p):
                if p.title == nil {
                    errors.append(DataError(file: "upload", line: p.line, field: "title", reason: "product '\(p.id)' has no title"))
                } else {
                    records.append(p)
                }
            case .failure(let e): errors.append(e)
            }
        }
        return (records, errors)
    }
}
