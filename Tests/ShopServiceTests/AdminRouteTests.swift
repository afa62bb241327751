import Foundation
import Hummingbird
import HummingbirdTesting
import ShopService
import Testing

@Suite struct AdminRouteTests {
    @Test func reloadIsDisabledWithoutAToken() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/admin/reload", headers: [.authorization: "Bearer x"])
            #expect(r.status == .notFound)
        }
    }

    @Test func reloadNeedsTheBearerToken() async throws {
        let service = try ServiceFixture.service { $0.adminToken = "s3cret" }
        try await service.application().test(.router) { client in
            let none = try await client.call(.post, "/admin/reload")
            #expect(none.status == .unauthorized)
            #expect(none.errorField == "Authorization")
            let wrong = try await client.call(.post, "/admin/reload", headers: [.authorization: "Bearer wrong"])
            #expect(wrong.status == .forbidden)
        }
    }

    @Test func reloadSwapsModelsUnderLoadAndKeepsSessions() async throws {
        let service = try ServiceFixture.service { $0.adminToken = "s3cret" }
        let before = service.store.models
        try await service.application().test(.router) { client in
            let session = try #require(try await client.call(.post, "/v1/chat", body: #"{"message":"我的订单到哪了"}"#).json["session"] as? String)
            // requests keep flowing while the reload runs; none may fail
            let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                group.addTask {
                    var s: [HTTPResponse.Status] = []
                    for i in 0..<20 {
                        s.append(try await client.call(.post, "/v1/sentiment", body: #"{"texts":["服务很好 \#(i)"]}"#).status)
                    }
                    return s
                }
                group.addTask {
                    [try await client.call(.post, "/admin/reload", headers: [.authorization: "Bearer s3cret"]).status]
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == 21)
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(service.store.models !== before)
            let after = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(session)","message":"2024031512345678"}"#)
            #expect(after.json["new_session"] as? Bool == false)
            #expect(try await client.call(.get, "/metrics").text.contains(#"shopnlp_model_reloads_total{outcome="ok"} 1"#))
        }
    }

    @Test func aFailedReloadKeepsTheOldModels() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("serve-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let service = try ServiceFixture.service { $0.adminToken = "s3cret"; $0.modelsDirectory = empty }
        let before = service.store.models
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/admin/reload", headers: [.authorization: "Bearer s3cret"])
            #expect(r.status == .internalServerError)
            #expect(service.store.models === before)
            #expect(try await client.call(.post, "/v1/intent", body: #"{"texts":["hi"]}"#).status == .ok)
        }
    }
}
