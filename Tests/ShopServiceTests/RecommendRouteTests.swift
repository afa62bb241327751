import Foundation
import HummingbirdTesting
import ShopRecommend
import ShopService
import Testing

@Suite struct RecommendRouteTests {
    /// A tiny ALS model over 6 users and 5 items, saved to a temporary file.
    static func tinyModel() throws -> String {
        var xs: [Interaction] = []
        let texts = ["i1": "red cotton shirt", "i2": "blue cotton shirt", "i3": "steel kettle", "i4": "glass kettle", "i5": "wool socks"]
        for u in 0..<6 {
            let items = u % 2 == 0 ? ["i1", "i2", "i5"] : ["i3", "i4"]
            for i in items.prefix(u < 2 ? 2 : 3) { xs.append(Interaction(user: "u\(u)", item: i, rating: 5, text: texts[i])) }
        }
        var config = ALSConfig()
        config.factors = 4
        config.iterations = 4
        config.threads = 1
        let model = RecommenderModel(training: TrainingSet(interactions: xs), config: config, shaping: ConfidenceShaping(), useSentiment: false)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("serve-rec-\(UUID().uuidString).model").path
        try model.save(to: path)
        return path
    }

    @Test func withoutARecommenderTheRoutesSaySo() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.get, "/v1/recommend/u1")
            #expect(r.status == .notFound)
            #expect((r.error["message"] as? String)?.contains("no recommender") == true)
        }
    }

    @Test func recommendSimilarAndColdStart() async throws {
        let path = try Self.tinyModel()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var c = ServiceConfiguration()
        c.recommenderPath = path
        let models = try ServiceModels.load(c)
        let service = try ServiceFixture.service(models: models)
        try await service.application().test(.router) { client in
            let r = try await client.call(.get, "/v1/recommend/u0?k=2")
            #expect(r.status == .ok)
            #expect(r.results.count <= 2 && !r.results.isEmpty)
            // u0 has i1 and i2: they are not recommended back
            #expect(!r.results.contains { ["i1", "i2"].contains($0["item"] as? String) })
            let s = try await client.call(.get, "/v1/similar/i3?k=3")
            #expect(s.status == .ok)
            #expect(!s.results.contains { $0["item"] as? String == "i3" })
            let cold = try await client.call(.post, "/v1/similar", body: #"{"text":"a new cotton shirt","k":2}"#)
            #expect(cold.status == .ok)
            #expect(["i1", "i2"].contains(cold.results.first?["item"] as? String))
            let unknown = try await client.call(.get, "/v1/recommend/nobody")
            #expect(unknown.status == .notFound)
            #expect(unknown.errorField == "user")
            let badK = try await client.call(.get, "/v1/similar/i1?k=0")
            #expect(badK.status == .badRequest)
            #expect(badK.errorField == "k")
            let noItem = try await client.call(.get, "/v1/similar/zzz")
            #expect(noItem.errorField == "item")
        }
    }
}
