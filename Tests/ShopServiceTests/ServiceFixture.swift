import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ShopService
import Synchronization

/// The shipped models, loaded once for all service tests, and helpers to call the API.
enum ServiceFixture {
    private static let cache = Mutex<ServiceModels?>(nil)

    static func models() throws -> ServiceModels {
        try cache.withLock { c in
            if let m = c { return m }
            let m = try ServiceModels.load(ServiceConfiguration())
            c = m
            return m
        }
    }

    /// A service on the shipped models with `configure` applied, logging into `sink`.
    static func service(sink: LogSink = LogSink(capture: true), clock: ManualClock? = nil,
                        models: ServiceModels? = nil,
                        _ configure: (inout ServiceConfiguration) -> Void = { _ in }) throws -> ShopService {
        var c = ServiceConfiguration()
        c.adminToken = nil
        configure(&c)
        let logger = Logger(label: "test") { JSONLineLogHandler(label: $0, sink: sink) }
        return ShopService(configuration: c, models: try models ?? Self.models(), logger: logger, clock: clock?.read)
    }
}

/// A parsed JSON response.
struct Reply {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String
    var json: [String: Any]

    var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    var errorField: String? { error["field"] as? String }
    var results: [[String: Any]] { json["results"] as? [[String: Any]] ?? [] }
}

extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]) async throws -> Reply {
        var h = headers
        if body != nil { h[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: h, body: body.map { ByteBuffer(string: $0) }) { r in
            let text = String(buffer: r.body)
            let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            return Reply(status: r.status, headers: r.headers, text: text, json: json)
        }
    }
}

/// A clock the TTL tests move by hand.
final class ManualClock: Sendable {
    private let now = Atomic<UInt64>(1_000_000_000)
    func advance(seconds: Double) { now.add(UInt64(seconds * 1e9), ordering: .relaxed) }
    var read: @Sendable () -> UInt64 { { self.now.load(ordering: .relaxed) } }
}
