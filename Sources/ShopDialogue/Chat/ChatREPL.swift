import Foundation
import ShopData
import ShopCore

/// The read-eval-print loop of `shopnlp chat`: messages get replies; `/commands` are for staff.
/// Piped input: one reply line per message line, no prompts.
public struct ChatREPL {
    public let session: ChatSession
    public let transcript: TranscriptLog?
    public var debug: Bool
    public let interactive: Bool
    /// For files staff tooling writes (/save-test, /correct): always redacting.
    public let redactor: Redactor
    public let pendingPath: String
    private var lastMessage: String?
    /// Messages longer than this are cut (a 20 MB line cost 2.58 GB and 108 s before).
    public var limit = TextLimit.message
    private var lineNumber = 0
    private var recorder = ConversationRecorder()

    public init(session: ChatSession, transcript: TranscriptLog?, debug: Bool, interactive: Bool, redactor: Redactor, pendingPath: String) {
        self.session = session
        self.transcript = transcript
        self.debug = debug
        self.interactive = interactive
        self.redactor = redactor
        self.pendingPath = pendingPath
    }

    public mutating func run() throws {
        if interactive {
            print("shopnlp chat — \(session.intentSet.inScope.count) intents. Type a message (zh/en); /help for staff commands, /quit to leave.")
        }
        while true {
            if interactive { print("> ", terminator: ""); fflush(nil) }
            guard let line = readLine(strippingNewline: true) else { break }
            lineNumber += 1
            // Cut before anything else walks the text (trimming a 20 MB line alone takes a second).
            let capped = limit.apply(line)
            if let n = capped.originalChars {
                FileHandle.standardError.write(Data("warning: \(limit.warning(file: "<stdin>", line: lineNumber, originalChars: n))\n".utf8))
            }
            let text = capped.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { if !interactive { print("") }; continue }
            if text.hasPrefix("/") {
                if try !command(text) { break }
                continue
            }
            let turn = session.manager.respond(text)
            lastMessage = text
            recorder.record(turn)
            try transcript?.write(turn)
            print(oneLine(turn.reply))
            if debug { print(ChatDebugView.render(turn)) }
            fflush(nil)
        }
    }

    /// Handles a staff command; false = quit.
    private mutating func command(_ text: String) throws -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case "/quit", "/exit": return false
        case "/debug":
            debug.toggle()
            print("debug \(debug ? "on" : "off")")
        case "/reset":
            session.manager.reset()
            recorder.reset()
            try transcript?.markReset()
            print("conversation reset")
        case "/correct":
            guard let def = session.intentSet.intent(named: arg) else {
                print("usage: /correct INTENT (one of: \(session.intentSet.intents.map(\.name).joined(separator: " ")))")
                return true
            }
            guard let last = recorder.entries.last?.turn else { print("nothing to correct yet"); return true }
            recorder.correct(def.name)
            session.manager.forget(pendingOf: last.intent)
            do {
                try PendingExamples.append(intent: def.name, domain: def.domain, language: Language.of(last.message), text: last.message,
                                           redactor: redactor, to: pendingPath)
                print("last turn re-labelled \(last.intent) → \(def.name); example appended to \(pendingPath)")
            } catch {
                print("could not write \(pendingPath): \(error)")
            }
        case "/save-test":
            guard !arg.isEmpty else { print("usage: /save-test FILE.conv"); return true }
            guard !recorder.entries.isEmpty else { print("nothing to save yet"); return true }
            let stamp = ISO8601DateFormatter().string(from: Date())
            do {
                try ConversationFile.append(recorder.script(title: "saved from chat at \(stamp)", redactor: redactor), to: arg)
                print("saved \(recorder.entries.count) turns to \(arg)")
            } catch {
                print("could not write \(arg): \(error)")
            }
        case "/intents":
            for def in session.intentSet.intents {
                let n = def.examples.values.map(\.count).reduce(0, +)
                let slots = def.slots.map { $0.name + ($0.required ? "*" : "") }.joined(separator: ",")
                print("\(def.name) [\(def.domain)] \(n) examples\(slots.isEmpty ? "" : " slots: \(slots)")\(def.handoff == .never ? "" : " handoff: \(def.handoff.rawValue)") — \(def.description)")
            }
        case "/lang":
            switch arg {
            case "zh": session.manager.forcedLanguage = .zh
            case "en": session.manager.forcedLanguage = .en
            case "auto", "": session.manager.forcedLanguage = nil
            default: print("usage: /lang zh|en|auto"); return true
            }
            print("reply language: \(session.manager.forcedLanguage?.rawValue ?? "auto (the message's language)")")
        case "/explain":
            guard let msg = arg.isEmpty ? lastMessage : arg else { print("usage: /explain TEXT (or after a message)"); return true }
            let p = session.model.classify(msg)
            let words = session.model.explain(msg)
            print("\(p.intent) (\(String(format: "%.2f", p.confidence)))")
            if session.model.deep != nil, session.model.deepWeight > 0 {
                print("  attention (BiLSTM path): " + ChatDebugView.weightedWords(words))
            }
            print("  n-gram weights (wide path): " + ChatDebugView.weightedWords(session.model.explainWide(msg)))
        case "/reload":
            do {
                let what = try session.reload { FileHandle.standardError.write(Data(("reload: " + $0 + "\n").utf8)) }
                recorder.reset() // the manager starts a new conversation
                try transcript?.markReset()
                print(what)
            } catch {
                print("reload failed, keeping the current model: \(error)")
            }
        case "/help":
            print("/debug  /reset  /intents  /lang zh|en|auto  /explain [TEXT]  /reload  /correct INTENT  /save-test FILE  /quit")
        default:
            print("unknown command \(parts[0]); /help lists them")
        }
        fflush(nil)
        return true
    }

    private func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ")
    }
}
