import ArgumentParser
import ShopService

/// `shopnlp serve`: the engine as an HTTP/JSON service (routes in README "Service" and /openapi.json).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve sentiment, intents, chat, blurbs, lint and recommendations over HTTP/JSON (see /openapi.json).",
        discussion: """
        Models load once at start (/readyz answers 503 until then) and are shared by all requests.
        POST /admin/reload needs SHOPNLP_ADMIN_TOKEN in the environment. SIGTERM or SIGINT stops
        accepting, finishes in-flight requests and exits 0. Logs are JSON lines on standard error.
        """
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Models folder (default: Models/).") var models: String?
    @Option(help: "Intents folder (default: Intents/).") var intents: String?
    @Option(help: "Recommender model from `recommend train` (default: <models>/recommender.model when present).") var recommender: String?
    @Option(help: "Largest request body in bytes.") var maxBody = 1 << 20
    @Option(help: "Most texts, records or products per request.") var maxBatch = 1024
    @Option(help: "Time limit per request in seconds (503 after it).") var timeout = 10.0
    @Option(help: "Chat sessions idle this many seconds are forgotten.") var sessionTtl = 1800.0
    @Option(help: "Most live chat sessions (the longest idle is evicted).") var maxSessions = 10_000
    @Option(help: "Model threads (default: all cores).") var threads: Int?
    @Option(help: "Where the console's intent corrections are appended (default: <intents>/pending/examples.xml).") var pending: String?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
        if maxBody < 1 { throw ValidationError("--max-body must be at least 1") }
        if maxBatch < 1 { throw ValidationError("--max-batch must be at least 1") }
        if !(timeout > 0) { throw ValidationError("--timeout must be positive") }
        if !(sessionTtl > 0) { throw ValidationError("--session-ttl must be positive") }
        if maxSessions < 1 { throw ValidationError("--max-sessions must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var c = ServiceConfiguration()
        c.host = host
        c.port = port
        if let models { c.modelsDirectory = models }
        if let intents { c.intentsDirectory = intents }
        c.recommenderPath = recommender
        c.maxBodyBytes = maxBody
        c.maxBatch = maxBatch
        c.requestTimeout = .milliseconds(Int(timeout * 1000))
        c.sessionTTL = .milliseconds(Int(sessionTtl * 1000))
        c.maxSessions = maxSessions
        if let threads { c.computeThreads = threads }
        c.pendingExamplesPath = pending
        try ShopService(configuration: c).runUntilStopped()
    }
}
