import Foundation
import Hummingbird
import ShopDialogue

extension ShopService {
    /// `POST /v1/intent` `{"texts": [...]}`: intent, confidence, alternatives and entities
    /// per text, as `intent predict` gives them.
    func addIntentRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/intent") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let raw = try body.array("texts")
            try self.checkBatch(raw.count, field: "texts")
            let texts = try raw.enumerated().map { i, v throws(APIError) in
                guard let s = JSONBody.asString(v) else { throw APIError.badRequest("texts[\(i)]", "texts[\(i)] must be a string") }
                return s
            }
            let models = try self.store.require()
            let results = try await self.compute { texts.map { Self.intentResult($0, models: models) } }
            return JSONResponse.make(.object([("results", .array(results))]))
        }
    }

    static func intentResult(_ text: String, models: ServiceModels) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let p = models.intentModel.classify(trimmed)
        return .object([
            ("intent", .string(p.intent)),
            ("confidence", .score(p.confidence)),
            ("alternatives", .array(p.alternatives.map { .object([("intent", .string($0.intent)), ("confidence", .score($0.probability))]) })),
            ("entities", entitiesJSON(models.intentSet.entities.extract(trimmed))),
        ])
    }

    static func entitiesJSON(_ entities: [Entity]) -> JSONValue {
        .array(entities.map { .object([("type", .string($0.type)), ("value", .string($0.value)), ("text", .string($0.text))]) })
    }
}
