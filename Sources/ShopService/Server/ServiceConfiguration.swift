import Foundation
import ShopData
import ShopCore

/// Everything `shopnlp serve` can be told: where to listen, where the models are, and the
/// limits that keep one client from hurting the others.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The models folder (`Models/`): sentiment-zh/en, intent, copy-lm-zh/en, and
    /// optionally `recommender.model`.
    public var modelsDirectory = ResourcePaths.packageFolder("Models")
    /// The chatbot's knowledge folder (`Intents/`).
    public var intentsDirectory = ResourcePaths.packageFolder("Intents")
    /// A recommender model from `recommend train`; default `<models>/recommender.model` when present.
    public var recommenderPath: String?
    /// Largest request body in bytes (413 above it).
    public var maxBodyBytes = 1 << 20
    /// Most texts, records or products in one request (413 above it).
    public var maxBatch = 1024
    /// Time limit of one request, queueing for a compute thread included (503 after it).
    public var requestTimeout: Duration = .seconds(10)
    /// A chat session unused this long is forgotten.
    public var sessionTTL: Duration = .seconds(30 * 60)
    /// Most live chat sessions; the one idle longest is evicted to make room.
    public var maxSessions = 10_000
    /// `POST /admin/reload` needs `Authorization: Bearer <token>`; nil disables it.
    public var adminToken: String? = ProcessInfo.processInfo.environment["SHOPNLP_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    /// Threads that run the models (default: the machine's cores).
    public var computeThreads = ProcessInfo.processInfo.activeProcessorCount
    /// Where the console's intent corrections are appended (default
    /// `<intents>/pending/examples.xml`, as `chat`'s `/correct`).
    public var pendingExamplesPath: String?
    /// Seed of the chat's response-variant choice (each session starts from it).
    public var chatSeed: UInt64 = 7

    public init() {}
}
