import Foundation
import Hummingbird
import ShopCopywriting
import ShopData
import ShopCore

extension ShopService {
    /// `POST /v1/describe` (blurbs as `describe` writes them) and `POST /v1/lint`
    /// (banned-term spans as `describe --check` finds them).
    func addCopyRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/describe") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let products = try body.array("products")
            try self.checkBatch(products.count, field: "products")
            let options = try Self.describerOptions(body)
            let parsed: [Result<ProductRecord, DataError>] = products.enumerated().map { i, v in
                let file = "products[\(i)]"
                guard v is [String: Any], let data = try? JSONSerialization.data(withJSONObject: v) else {
                    return .failure(DataError(file: file, reason: "a product must be a JSON object"))
                }
                return JSONProductParser.parse(data, file: file, line: i + 1)
            }
            let models = try self.store.require()
            let lines = try await self.compute { () -> [String] in
                let describer = ProductDescriber(
                    library: models.templates, checker: models.checker,
                    ranker: Ranker(weights: RankingWeights.shipped, fluency: models.fluency), options: options, reviews: nil)
                let good = parsed.compactMap { try? $0.get() }
                var described = describer.describe(good, threads: 1).makeIterator()
                return parsed.enumerated().map { i, r in
                    switch r {
                    case .success: return DescriptionJSON.line(described.next()!, evidence: nil)
                    case .failure(let e):
                        let field = "products[\(i)]" + (e.field.map { ".\($0)" } ?? "")
                        return JSONValue.object([("error", .string(e.reason)), ("field", .string(field))]).rendered
                    }
                }
            }
            return JSONResponse.make(.raw("{\"results\":[" + lines.joined(separator: ",") + "]}"))
        }
        router.post("/v1/lint") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let text = try body.string("text")
            let models = try self.store.require()
            let hits = try await self.compute { models.checker.hits(in: text) }
            return JSONResponse.make(.object([
                ("clean", .bool(hits.isEmpty)),
                ("hits", .array(hits.map { h in
                    .object([("term", .string(h.term)), ("matched", .string(h.matched)), ("column", .int(h.column)),
                             ("length", .int(h.matched.unicodeScalars.count)), ("rule", .string(h.rule))])
                })),
            ]))
        }
    }

    /// `lang`, `tone`, `variants` (1…50), `max_chars` (≥ 10) and `seed`, checked as the CLI checks them.
    static func describerOptions(_ body: JSONBody) throws(APIError) -> DescriberOptions {
        var language: Language? = nil
        if let l = try body.optionalString("lang") {
            guard let c = Language(rawValue: l) else { throw APIError.badRequest("lang", "'lang' must be \"zh\" or \"en\"") }
            language = c
        }
        var tone = Tone.plain
        if let t = try body.optionalString("tone") {
            guard let v = Tone(rawValue: t) else { throw APIError.badRequest("tone", "'tone' must be plain, lively or premium") }
            tone = v
        }
        let variants = try body.optionalInt("variants", in: 1...50) ?? 1
        let maxChars = try body.optionalInt("max_chars", in: 10...100_000)
        let seed = try body.optionalInt("seed", in: 0...Int(Int32.max)) ?? 1
        return DescriberOptions(language: language, tone: tone, variants: variants, maxChars: maxChars, seed: UInt64(seed), preferSpecific: true)
    }
}
