import Foundation
import Hummingbird

extension ShopService {
    /// `POST /admin/reload`: re-reads Models/ and Intents/ and swaps them in whole. Needs
    /// `Authorization: Bearer $SHOPNLP_ADMIN_TOKEN`; without a configured token it does not exist (404).
    func addAdminRoutes(to router: Router<BasicRequestContext>) {
        router.post("/admin/reload") { request, _ in
            guard let token = self.configuration.adminToken else {
                throw APIError.notFound("admin routes are disabled (SHOPNLP_ADMIN_TOKEN is not set)")
            }
            guard let auth = request.headers[.authorization] else {
                throw APIError(.unauthorized, "an 'Authorization: Bearer <token>' header is required", field: "Authorization")
            }
            guard Self.constantTimeEqual(auth, "Bearer " + token) else {
                throw APIError(.forbidden, "wrong admin token", field: "Authorization")
            }
            let config = self.configuration, store = self.store
            let t0 = Date()
            do {
                // Loading takes seconds: give it its own thread, not a compute slot or the time limit.
                let m = try await Task.detached(priority: .userInitiated) { try store.reload { try ServiceModels.load(config) } }.value
                self.metrics.recordReload(ok: true)
                self.logger.info("models reloaded", metadata: ["models": "\(m.versions.map { "\($0.name)=\($0.fnv1a64)" }.joined(separator: ","))"])
                return JSONResponse.make(.object([
                    ("reloaded", .bool(true)),
                    ("ms", .int(Int(Date().timeIntervalSince(t0) * 1000))),
                    ("models", .array(m.versions.map { .object([("name", .string($0.name)), ("version", .string($0.fnv1a64))]) })),
                ]))
            } catch ServiceError.reloadInProgress {
                throw APIError(.conflict, "a reload is already running")
            } catch {
                self.metrics.recordReload(ok: false)
                self.logger.error("reload failed; the previous models stay in service: \(error)")
                throw APIError(.internalServerError, "reload failed, the previous models stay in service: \(error)")
            }
        }
    }

    /// Compares without stopping at the first difference, so timing does not leak the token.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}
