import ArgumentParser
import Foundation
import ShopData
import ShopDialogue

/// `shopnlp chat`: the support assistant for staff — a REPL on a terminal, one reply per
/// line when piped, `--test` to replay scripted conversations, `--log-to-tests` to turn a
/// transcript into conversation tests, `--urgency-eval` to measure escalation.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the shop assistant (REPL; piped: one reply per line), or replay conversation tests.",
        discussion: """
        REPL commands: /debug (toggle intent, confidence, alternatives, entities, slots, variant), /reset,
        /intents, /lang zh|en|auto, /explain [TEXT] (words that drove the decision), /reload (re-read Intents/,
        retrain when the intent files are newer than the model), /correct INTENT (re-label the last turn and
        append it to the pending-examples file), /save-test FILE (append the conversation so far to a .conv
        test), /help, /quit. No line editing or arrow-key history (readline-free); use `rlwrap shopnlp chat` for that.
        """
    )

    @Option(help: "Intent model (default: Models/intent.model).") var model: String?
    @Option(help: "Intents folder (default: Intents/).") var intents: String?
    @Option(name: .customLong("test"), parsing: .upToNextOption, help: "Replay conversation test files (.conv) or folders of them; exit 1 on any failing turn.") var tests: [String] = []
    @Option(help: "With --test: also write the results as JUnit XML to this file.") var junit: String?
    @Option(name: .customLong("log-to-tests"), help: "Turn a --log transcript into .conv conversation tests (printed, or written with --out).") var logToTests: String?
    @Option(help: "With --log-to-tests: append the conversations to this .conv file instead of printing them.") var out: String?
    @Option(help: "Append each turn as JSON to this transcript file (customer data redacted).") var log: String?
    @Option(help: "Where /correct appends re-labelled messages (default: Intents/pending/examples.xml).") var pending: String?
    @Flag(help: "Do not redact phone numbers, e-mails, cards, IDs, addresses and names in --log (staff-only debugging).") var noRedact = false
    @Flag(help: "Start with /debug on.") var debug = false
    @Flag(help: "With --test: print every turn, not only failures.") var verbose = false
    @Option(help: "Longest message answered; longer ones are cut to it with a warning.", range: .messageChars) var maxChars = TextLimit.message.maxChars
    @Option(name: .customLong("urgency-eval"), parsing: .upToNextOption, help: "Measure escalation on complaint files (angry|calm<TAB>zh|en<TAB>message) and print the rates.") var urgencyEval: [String] = []
    @Flag(help: "Urgency from the anger lexicon alone, without the sentiment models (comparison, or when the models are missing).") var lexiconOnly = false
    @Option(help: "Seed for the choice of response variants.") var seed: UInt64 = 7

    func run() throws {
        if let logToTests {
            let text = try TranscriptTests.convert(path: logToTests)
            if let out { try ConversationFile.append(text, to: out) } else { print(text, terminator: "") }
            return
        }
        let session = try ChatSession.open(modelPath: model, intentsPath: intents, seed: seed)
        if lexiconOnly { session.manager.urgency = LexiconUrgency() }
        if !urgencyEval.isEmpty {
            for f in urgencyEval {
                let r = try UrgencyEvaluation.read(f).run(session.manager.urgency, threshold: session.manager.escalationThreshold)
                print(ChatUrgencyReport.render(file: f, result: r, threshold: session.manager.escalationThreshold, scorer: session.manager.urgency.name))
            }
            return
        }
        if !tests.isEmpty {
            let ok = try ChatTestReport.run(files: tests, manager: session.manager, verbose: verbose, junit: junit)
            if !ok { throw ExitCode(1) }
            return
        }
        let redactor = noRedact ? nil : Redactor(entities: session.intentSet.entities)
        let transcript = try log.map { try TranscriptLog(path: $0, redactor: redactor) }
        let pendingPath = pending ?? (session.intentsPath as NSString).appendingPathComponent("pending/examples.xml")
        var repl = ChatREPL(session: session, transcript: transcript, debug: debug, interactive: isatty(0) == 1,
                            redactor: Redactor(entities: session.intentSet.entities), pendingPath: pendingPath)
        repl.limit = TextLimit(maxChars: maxChars)
        try repl.run()
    }
}
