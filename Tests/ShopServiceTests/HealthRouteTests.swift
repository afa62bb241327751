import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ShopService
import Testing

@Suite struct HealthRouteTests {
    @Test func healthAndReadiness() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let h = try await client.call(.get, "/healthz")
            #expect(h.status == .ok)
            #expect(h.json["status"] as? String == "ok")
            let r = try await client.call(.get, "/readyz")
            #expect(r.status == .ok)
            let names = (r.json["models"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.contains("intent"))
            #expect(names.contains("sentiment-zh"))
            let version = (r.json["models"] as? [[String: Any]])?.first?["version"] as? String
            #expect(version?.count == 16)
        }
    }

    @Test func notReadyUntilModelsLoad() async throws {
        let logger = Logger(label: "test") { JSONLineLogHandler(label: $0, sink: LogSink(capture: true)) }
        let service = ShopService(configuration: ServiceConfiguration(), models: nil, logger: logger)
        try await service.application().test(.router) { client in
            #expect(try await client.call(.get, "/healthz").status == .ok)
            let r = try await client.call(.get, "/readyz")
            #expect(r.status == .serviceUnavailable)
            let s = try await client.call(.post, "/v1/intent", body: #"{"texts":["hi"]}"#)
            #expect(s.status == .serviceUnavailable)
            #expect(s.error["status"] as? Int == 503)
        }
    }

    @Test func metricsCountRequestsPerRouteTemplate() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            _ = try await client.call(.post, "/v1/chat", body: #"{"message":"hello"}"#)
            _ = try await client.call(.get, "/nope")
            let m = try await client.call(.get, "/metrics")
            #expect(m.status == .ok)
            #expect(m.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(m.text.contains(#"shopnlp_http_requests_total{method="POST",route="/v1/chat",status="200"} 1"#))
            #expect(m.text.contains(#"route="unmatched",status="404"} 1"#))
            #expect(m.text.contains(#"shopnlp_http_request_duration_seconds_bucket{method="POST",route="/v1/chat",le="+Inf"} 1"#))
            #expect(m.text.contains("shopnlp_chat_sessions_live 1"))
            #expect(m.text.contains(#"shopnlp_model_info{model="intent""#))
        }
    }

    @Test func openAPIDocumentMatchesTheRoutes() async throws {
        let service = try ServiceFixture.service { $0.adminToken = "t" }
        try await service.application().test(.router) { client in
            let doc = try await client.call(.get, "/openapi.json")
            #expect(doc.status == .ok)
            #expect(doc.json["openapi"] as? String == "3.1.0")
            let paths = try #require(doc.json["paths"] as? [String: [String: Any]])
            #expect(paths.count == 20)
            for (path, ops) in paths {
                for method in ops.keys {
                    let uri = path.replacingOccurrences(of: "{session}", with: "x").replacingOccurrences(of: "{user}", with: "x")
                        .replacingOccurrences(of: "{item}", with: "x")
                    let m = HTTPRequest.Method(rawValue: method.uppercased())!
                    let r = try await client.call(m, uri, body: m == .post ? "{}" : nil)
                    // Every documented operation is routed (a 404 from it names the id or model, not the route).
                    #expect(!(r.error["message"] as? String ?? "").hasPrefix("no such route"), "\(method) \(path)")
                }
            }
        }
    }

    @Test func unknownRouteAndWrongMethodAreJSON404() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.get, "/v2/anything")
            #expect(r.status == .notFound)
            #expect(r.error["status"] as? Int == 404)
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            let m = try await client.call(.get, "/v1/sentiment")
            #expect(m.status == .notFound)
        }
    }
}
