import Foundation
import Logging
import ShopDialogue
import Synchronization

/// Writes each log record as one JSON line on standard error:
/// `{"ts","level","label","msg",…metadata}`. Messages and metadata values go through the
/// chat redactor (phones, e-mails, cards, addresses) before they are written, except the
/// fixed access-log fields, which never hold customer data; request bodies are never logged.
public struct JSONLineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let sink: LogSink

    /// Access-log fields the service fills itself from the route template, status and timing.
    static let safeKeys: Set<String> = ["method", "route", "status", "ms", "sessions", "models", "address", "port"]

    public init(label: String, sink: LogSink = .standardError) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        var fields: [(String, JSONValue)] = [
            ("ts", .string(Self.timestamp())),
            ("level", .string(level.rawValue)),
            ("label", .string(label)),
            ("msg", .string(sink.redactMessage(message.description))),
        ]
        var merged = metadata
        if let extra { merged.merge(extra) { $1 } }
        for (k, v) in merged.sorted(by: { $0.key < $1.key }) {
            let text = v.description
            fields.append((k, .string(Self.safeKeys.contains(k) ? text : sink.redact(text))))
        }
        var line = JSONValue.object(fields).rendered
        line.append("\n")
        sink.write(line)
    }

    static func timestamp() -> String { LogTimestamp.string(Date()) }
}

/// Where log lines go (standard error, or a buffer in tests) and the redactor they pass.
public final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private let redactor: Redactor
    private var captured: [String]?
    /// The `fixedMessages` the redactor leaves unchanged (all of them, as shipped).
    private let verbatim: Set<String>

    public static let standardError = LogSink(capture: false)

    public init(capture: Bool) {
        let r = Redactor()
        redactor = r
        verbatim = Set(Self.fixedMessages.filter { r.redact($0) == $0 })
        captured = capture ? [] : nil
    }

    func redact(_ s: String) -> String { redactor.redact(s) }

    /// The service's own fixed log messages (the access log's "request" on every request).
    /// They are constants, not customer text; each is kept only if the redactor leaves it
    /// unchanged, so skipping the redactor (two dozen ICU regex passes) changes no line.
    static let fixedMessages = ["request", "listening", "stopped", "models loaded", "unexpected error"]

    /// A log message redacted, or as it is when it is one of the verified fixed messages.
    func redactMessage(_ s: String) -> String {
        verbatim.contains(s) ? s : redactor.redact(s)
    }

    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        if captured != nil { captured!.append(line) } else { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// The lines written so far (capturing sinks only).
    public var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return captured ?? []
    }
}
