import Foundation
import Hummingbird
import ShopRecommend

extension ShopService {
    /// `GET /v1/recommend/{user}?k=`, `GET /v1/similar/{item}?k=` and `POST /v1/similar`
    /// `{"text", "k"?}` (cold start by text), answered when a recommender model is loaded.
    func addRecommendRoutes(to router: Router<BasicRequestContext>) {
        addRankedByID(to: router, path: "/v1/recommend/:user", field: "user", index: { $0.userIndex }) { model, u, k in
            TopKSelection.best(model.scores(user: u, coldTexts: []), k: k)
        }
        addRankedByID(to: router, path: "/v1/similar/:item", field: "item", index: { $0.itemIndex }) { model, i, k in
            ItemSimilarity.cosine(model.als, item: i, k: k)
        }
        router.post("/v1/similar") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let text = try body.string("text")
            let k = try body.optionalInt("k", in: 1...1000) ?? 10
            let model = try self.recommender()
            let recs = try await self.compute { () -> [JSONValue] in
                model.coldStart.neighbours(of: text, k: k).map {
                    .object([("item", .string(model.matrix.itemIDs[$0.0])), ("score", .score($0.1)), ("via", .string("text"))])
                }
            }
            return JSONResponse.make(.object([("results", .array(recs))]))
        }
    }

    /// A GET route ranking for one user or item of the model (`field` is the path parameter
    /// and the 404's field when `index` does not hold it); `?k=` as everywhere.
    func addRankedByID(to router: Router<BasicRequestContext>, path: RouterPath, field: String,
                       index: @escaping @Sendable (InteractionMatrix) -> [String: Int],
                       rank: @escaping @Sendable (RecommenderModel, Int, Int) -> [(item: Int, score: Float)]) {
        router.get(path) { request, context in
            let id = try context.parameters.require(field)
            let k = try Self.queryK(request)
            let model = try self.recommender()
            guard let x = index(model.matrix)[id] else {
                throw APIError.notFound("the \(field) is not in the recommender model", field: field)
            }
            return try await self.rankedItems(model) { rank(model, x, k) }
        }
    }

    /// `{"results": [{"item", "score"}, …]}` for the items `rank` picks (run on the compute pool).
    func rankedItems(_ model: RecommenderModel,
                     _ rank: @escaping @Sendable () -> [(item: Int, score: Float)]) async throws -> Response {
        let recs = try await compute { () -> [JSONValue] in
            rank().map { .object([("item", .string(model.matrix.itemIDs[$0.item])), ("score", .score($0.score))]) }
        }
        return JSONResponse.make(.object([("results", .array(recs))]))
    }

    func recommender() throws(APIError) -> RecommenderModel {
        guard let r = try store.require().recommender else {
            throw APIError.notFound("no recommender model is configured (serve --recommender FILE, or Models/recommender.model)")
        }
        return r
    }

    /// `k` from the query: 1…1000, default 10.
    static func queryK(_ request: Request) throws(APIError) -> Int {
        guard let raw = request.uri.queryParameters.get("k") else { return 10 }
        guard let k = Int(raw), (1...1000).contains(k) else { throw APIError.badRequest("k", "'k' must be an integer in 1…1000") }
        return k
    }
}
