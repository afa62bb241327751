import Foundation
import HummingbirdTesting
import ShopService
import Testing

@Suite struct CopyRouteTests {
    @Test func productsGetBlurbsAndABadProductIsNamed() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let body = #"""
            {"products":[{"id":"p1","title":"纯棉T恤","brand":"优衣库","category":"T恤","specs":{"材质":"纯棉","颜色":"白色"}},
                         {"title":"no id"}, "nope"],
             "lang":"zh","variants":2,"max_chars":120}
            """#
            let r = try await client.call(.post, "/v1/describe", body: body)
            #expect(r.status == .ok)
            #expect(r.results.count == 3)
            #expect(r.results[0]["id"] as? String == "p1")
            let blurbs = r.results[0]["blurbs"] as? [[String: Any]] ?? []
            #expect(!blurbs.isEmpty && blurbs.count <= 2)
            for b in blurbs { #expect(((b["text"] as? String)?.count ?? 999) <= 120) }
            #expect(r.results[1]["field"] as? String == "products[1].id")
            #expect(r.results[2]["field"] as? String == "products[2]")
        }
    }

    @Test func describeOptionsAreChecked() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let v = try await client.call(.post, "/v1/describe", body: #"{"products":[],"variants":0}"#)
            #expect(v.status == .badRequest)
            #expect(v.errorField == "variants")
            let t = try await client.call(.post, "/v1/describe", body: #"{"products":[],"tone":"loud"}"#)
            #expect(t.errorField == "tone")
            let p = try await client.call(.post, "/v1/describe", body: #"{"products":{}}"#)
            #expect(p.errorField == "products")
        }
    }

    @Test func lintFindsBannedTerms() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/v1/lint", body: #"{"text":"全网最佳的T恤"}"#)
            #expect(r.status == .ok)
            #expect(r.json["clean"] as? Bool == false)
            let hits = r.json["hits"] as? [[String: Any]] ?? []
            #expect(hits.contains { $0["column"] as? Int == 3 })
            let clean = try await client.call(.post, "/v1/lint", body: #"{"text":"纯棉T恤"}"#)
            #expect(clean.json["clean"] as? Bool == true)
            let missing = try await client.call(.post, "/v1/lint", body: #"{"txt":"x"}"#)
            #expect(missing.errorField == "text")
        }
    }
}
