import Foundation
import Hummingbird
import Logging

/// The ShopNLP engine as an HTTP/JSON service: the models are loaded once into a
/// `ModelStore` and shared by every request; model work runs on a `ComputePool` under the
/// per-request time limit; chat state lives in a `ChatSessionStore`.
public final class ShopService: Sendable {
    public let configuration: ServiceConfiguration
    public let store: ModelStore
    public let metrics = ServiceMetrics()
    let pool: ComputePool
    let sessions: ChatSessionStore
    let logger: Logger

    /// `models` nil: `run()` loads them in the background while `/healthz` already answers
    /// and `/readyz` says 503. `clock` (monotonic nanoseconds) drives the session TTL.
    public init(configuration: ServiceConfiguration, models: ServiceModels? = nil, logger: Logger? = nil,
                clock: (@Sendable () -> UInt64)? = nil) {
        self.configuration = configuration
        store = ModelStore(models)
        pool = ComputePool(threads: configuration.computeThreads)
        if let clock {
            sessions = ChatSessionStore(ttl: configuration.sessionTTL, capacity: configuration.maxSessions, clock: clock)
        } else {
            sessions = ChatSessionStore(ttl: configuration.sessionTTL, capacity: configuration.maxSessions)
        }
        self.logger = logger ?? Logger(label: "shopnlp.serve") { JSONLineLogHandler(label: $0) }
    }

    /// Every route of the API behind the error/metrics/access-log middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        // Middleware wraps the routes added after it, and the not-found responder.
        router.add(middleware: ServiceMiddleware(service: self))
        addHealthRoutes(to: router)
        addSentimentRoutes(to: router)
        addIntentRoutes(to: router)
        addChatRoutes(to: router)
        addCopyRoutes(to: router)
        addRecommendRoutes(to: router)
        addAdminRoutes(to: router)
        addChatToolRoutes(to: router)
        addProductFileRoutes(to: router)
        addConsoleRoutes(to: router)
        return router
    }

    /// The Hummingbird application on the configured address.
    public func application() -> some ApplicationProtocol {
        Application(router: router(),
                    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "shopnlp"),
                    logger: logger)
    }

    /// Serves until SIGTERM or SIGINT: then stops accepting, lets in-flight requests finish,
    /// and returns (the process exits 0). Models load in the background if not given.
    public func run() async throws {
        if store.models == nil {
            let config = configuration, store = store, logger = logger
            Task.detached(priority: .userInitiated) {
                let t0 = Date()
                do {
                    let m = try ServiceModels.load(config)
                    store.install(m)
                    logger.info("models loaded", metadata: ["models": "\(m.versions.map { "\($0.name)=\($0.fnv1a64)" }.joined(separator: ","))",
                                                            "ms": "\(Int(Date().timeIntervalSince(t0) * 1000))"])
                } catch {
                    logger.critical("models failed to load: \(error)")
                }
            }
        }
        logger.info("listening", metadata: ["address": "\(configuration.host)", "port": "\(configuration.port)"])
        try await application().runService()
        logger.info("stopped")
    }

    /// The request body, at most `maxBodyBytes` (413 above).
    func body(_ request: Request) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
            throw bodyTooLarge()
        }
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: configuration.maxBodyBytes) } catch let e as any HTTPResponseError {
            if e.status == .contentTooLarge { throw bodyTooLarge() }
            throw e
        }
        return Data(buffer.readableBytesView)
    }

    func bodyTooLarge() -> APIError {
        APIError.tooLarge("body", "the body is larger than the limit of \(configuration.maxBodyBytes) bytes")
    }

    /// A batch over `maxBatch` items is refused before any model work.
    func checkBatch(_ count: Int, field: String) throws(APIError) {
        if count > configuration.maxBatch {
            throw APIError.tooLarge(field, "'\(field)' has \(count) items; the limit is \(configuration.maxBatch) per request")
        }
    }

    /// Model work on the compute pool under the request time limit.
    func compute<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.run(limit: configuration.requestTimeout, work)
    }
}

extension ShopService {
    /// `run()` for a synchronous caller (the CLI): blocks until the server has stopped.
    public func runUntilStopped() throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await self.run() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let e = outcome.error { throw e }
    }
}

private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    func set(_ e: Error) { lock.lock(); stored = e; lock.unlock() }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
}
