import Foundation

/// Appends each turn to a JSON-lines transcript (message, intent, confidence, reply, …),
/// redacting customer data unless told not to. Each line is flushed as it is written so a
/// crash loses at most the turn in progress.
public final class TranscriptLog {
    private let handle: FileHandle
    public let redactor: Redactor?

    /// Opens (creating or appending to) `path`; pass `redactor: nil` only for raw staff-side logs.
    public init(path: String, redactor: Redactor?) throws {
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
    }

    deinit { try? handle.close() }

    /// The JSON object written for one turn.
    public func record(_ turn: DialogueTurn) -> [String: Any] {
        let clean: (String) -> String = { self.redactor?.redact($0) ?? $0 }
        var slots: [String: String] = [:]
        for (k, v) in turn.slots { slots[k] = clean(v) }
        var o: [String: Any] = [
            "message": clean(turn.message),
            "intent": turn.intent,
            "confidence": (Double(turn.prediction.confidence) * 10000).rounded() / 10000,
            "reply": clean(turn.reply),
            "lang": turn.language.rawValue,
            "slots": slots,
            "handoff": turn.handoff,
        ]
        if let a = turn.askedSlot { o["asks"] = a }
        return o
    }

    public func write(_ turn: DialogueTurn) throws {
        let d = try JSONSerialization.data(withJSONObject: record(turn), options: [.sortedKeys, .withoutEscapingSlashes])
        handle.write(d + Data("\n".utf8))
    }
}
