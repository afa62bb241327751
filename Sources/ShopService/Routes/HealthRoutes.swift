import Foundation
import Hummingbird

extension ShopService {
    /// `/healthz` (the process answers), `/readyz` (models loaded, with their versions),
    /// `/metrics` (Prometheus text), `/openapi.json`.
    func addHealthRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONResponse.make(.object([("status", .string("ok"))]))
        }
        router.get("/readyz") { _, _ in
            guard let m = self.store.models else {
                return JSONResponse.make(.object([("status", .string("loading"))]), status: .serviceUnavailable)
            }
            return JSONResponse.make(.object([
                ("status", .string("ready")),
                ("loaded_at", .string(ISO8601DateFormatter().string(from: m.loadedAt))),
                ("models", .array(m.versions.map { v in
                    .object([("name", .string(v.name)), ("file", .string(v.file)), ("version", .string(v.fnv1a64))])
                })),
                ("recommender", .bool(m.recommender != nil)),
                ("sessions", .int(self.sessions.liveCount)),
                // what a client may send in one request (the console sizes its batches by them)
                ("limits", .object([("max_body", .int(self.configuration.maxBodyBytes)), ("max_batch", .int(self.configuration.maxBatch))])),
            ]))
        }
        router.get("/metrics") { _, _ in
            let text = self.metrics.prometheusText(liveSessions: self.sessions.liveCount, expiredSessions: self.sessions.expiredTotal,
                                                   evictedSessions: self.sessions.evictedTotal, versions: self.store.models?.versions ?? [])
            return JSONResponse.text(text, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.json") { _, _ in
            JSONResponse.text(OpenAPIDocument.json, contentType: "application/json; charset=utf-8")
        }
    }
}
