import Foundation
import HummingbirdTesting
import ShopService
import Testing

@Suite struct IntentRouteTests {
    @Test func textsGetIntentsAndEntities() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/v1/intent", body: #"{"texts":["我的订单2024031512345678到哪了","where is my order"]}"#)
            #expect(r.status == .ok)
            #expect(r.results.count == 2)
            let first = r.results[0]
            #expect(first["intent"] is String)
            #expect((first["confidence"] as? Double).map { (0...1).contains($0) } == true)
            #expect((first["alternatives"] as? [Any])?.isEmpty == false)
            let entities = first["entities"] as? [[String: Any]] ?? []
            #expect(entities.contains { ($0["text"] as? String)?.contains("2024031512345678") == true })
        }
    }

    @Test func aNonStringTextIsA400NamingIt() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/v1/intent", body: #"{"texts":["ok", 3]}"#)
            #expect(r.status == .badRequest)
            #expect(r.errorField == "texts[1]")
            let missing = try await client.call(.post, "/v1/intent", body: "{}")
            #expect(missing.status == .badRequest)
            #expect(missing.errorField == "texts")
        }
    }
}
