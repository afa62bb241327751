import Foundation
import Hummingbird
import Logging

/// The outermost layer of every request: turns every error into the JSON error body,
/// records the route's count and latency, and writes one access-log line (method, route
/// template, status, milliseconds — no path ids, query or body).
struct ServiceMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let service: ShopService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = JSONResponse.error(apiError(for: error, request: request))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let route = context.endpointPath.map { $0 == "NotFound" ? "unmatched" : $0 } ?? "unmatched"
        service.metrics.record(method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        // 503 is the service working as designed (loading, time limit); 500 is a bug.
        let level: Logger.Level = response.status == .internalServerError ? .error : response.status.code >= 500 ? .warning : .info
        service.logger.log(level: level, "request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(response.status.code)",
            "ms": "\((seconds * 1e5).rounded() / 100)",
        ])
        return response
    }

    private func apiError(for error: Error, request: Request) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as any HTTPResponseError where e.status == .notFound:
            return APIError.notFound("no such route: \(request.method.rawValue) \(request.uri.path); see /openapi.json")
        case let e as any HTTPResponseError where e.status == .contentTooLarge:
            return service.bodyTooLarge()
        case let e as any HTTPResponseError:
            return APIError(e.status, e.status.reasonPhrase)
        default:
            // The type only: an error's text could quote the request.
            service.logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            return APIError(.internalServerError, "internal error")
        }
    }
}
