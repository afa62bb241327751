import Foundation
import ShopData

/// Appends each turn to a JSON-lines transcript (time, run, conversation, message, intent,
/// confidence, reply, …), redacting customer data unless told not to. Every line carries
/// `ts` (UTC, ISO 8601 with milliseconds), `run` (this process's run id) and `conversation`
/// (`run/n`, a new n after each reset); opening the log writes a `run_start` line and each
/// reset a `reset` line, so transcripts of several runs in one file stay apart. Each line is
/// flushed as it is written so a crash loses at most the turn in progress.
public final class TranscriptLog {
    private let handle: FileHandle
    public let redactor: Redactor?
    /// Identifies this run in every line.
    public let runID: String
    /// The current conversation number within the run (1 = before the first reset).
    public private(set) var conversationNumber = 1
    private var turnNumber = 0
    private let clock: () -> Date

    /// Slot names whose values are customer data whatever the redactor finds in them.
    public static let sensitiveSlots: [String: String] = ["address": "[ADDRESS]", "phone": "[PHONE]", "email": "[EMAIL]",
                                                          "name": "[NAME]", "recipient": "[NAME]"]

    /// Opens (creating or appending to) `path`; pass `redactor: nil` only for raw staff-side logs.
    /// `runID` defaults to the start time plus the process id; `clock` is for tests.
    public init(path: String, redactor: Redactor?, runID: String? = nil, clock: @escaping () -> Date = Date.init) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else {
                throw XMLProblem(file: path, line: 0, reason: "cannot create transcript file")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw XMLProblem(file: path, line: 0, reason: "cannot open transcript file for writing")
        }
        h.seekToEndOfFile()
        handle = h
        self.redactor = redactor
        self.clock = clock
        let start = clock()
        self.runID = runID ?? "\(Self.compactStamp(start))-\(ProcessInfo.processInfo.processIdentifier)"
        try writeLine(["event": "run_start", "redacted": redactor != nil])
    }

    deinit { try? handle.close() }

    /// `run/n`: the id of the current conversation.
    public var conversationID: String { "\(runID)/\(conversationNumber)" }

    /// The JSON object written for one turn.
    public func record(_ turn: DialogueTurn) -> [String: Any] {
        let clean: (String) -> String = { self.redactor?.redact($0) ?? $0 }
        var slots: [String: String] = [:]
        for (k, v) in turn.slots {
            if redactor != nil, let tag = Self.sensitiveSlots[k] { slots[k] = tag } else { slots[k] = clean(v) }
        }
        var o: [String: Any] = [
            "message": clean(turn.message),
            "intent": turn.intent,
            "resolution": turn.resolution,
            "confidence": (Double(turn.prediction.confidence) * 10000).rounded() / 10000,
            "reply": clean(turn.reply),
            "lang": turn.language.rawValue,
            "slots": slots,
            "handoff": turn.handoff,
            "escalated": turn.escalated,
            "urgency": (Double(turn.urgency) * 1000).rounded() / 1000,
        ]
        if let a = turn.askedSlot { o["asks"] = a }
        if let c = turn.confirming { o["confirms"] = c }
        if !turn.choices.isEmpty { o["choices"] = turn.choices.map { ["intent": $0.intent, "title": $0.title] } }
        if turn.afterHandoff { o["after_handoff"] = true }
        return o
    }

    public func write(_ turn: DialogueTurn) throws {
        turnNumber += 1
        var o = record(turn)
        o["turn"] = turnNumber
        try writeLine(o)
    }

    /// Marks a reset (`/reset`): the next turns belong to a new conversation.
    public func markReset() throws {
        try writeLine(["event": "reset"])
        conversationNumber += 1
        turnNumber = 0
    }

    private func writeLine(_ object: [String: Any]) throws {
        var o = object
        o["ts"] = Self.iso8601(clock())
        o["run"] = runID
        o["conversation"] = conversationID
        let d = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes])
        handle.write(d + Data("\n".utf8))
    }

    static func iso8601(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    static func compactStamp(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: d)
    }
}
