import Foundation
import Hummingbird
import ShopCore
import ShopData
import ShopDialogue
import Synchronization

/// Serialises appends to the pending-examples file: two corrections at once must not lose one.
private let pendingWrites = Mutex(())

extension ShopService {
    /// The staff tooling of the chat console: replay a `.conv` test, export a live session as a
    /// `.conv` test or a redacted transcript, list the intents, and correct a turn's intent
    /// (appended, redacted, to the pending-examples file as `chat`'s `/correct` does).
    func addChatToolRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/chat/intents") { _, _ in
            let models = try self.store.require()
            return JSONResponse.make(.object([("intents", .array(models.intentSet.intents.map {
                .object([("name", .string($0.name)), ("domain", .string($0.domain))])
            }))]))
        }
        router.post("/v1/chat/replay") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let text = try body.string("conv")
            let scripts: [ConversationScript]
            do { scripts = try ConversationScript.parse(text, file: "conv") } catch let p as XMLProblem {
                throw APIError.badRequest("conv", "line \(p.line): \(p.reason)")
            }
            let turns = scripts.reduce(0) { $0 + $1.turns.count }
            if turns == 0 { throw APIError.badRequest("conv", "no conversation turns ('> message' lines) in the file") }
            try self.checkBatch(turns, field: "conv")
            let models = try self.store.require()
            let seed = self.configuration.chatSeed
            let results = try await self.compute { () -> [ConversationTestRunner.TurnResult] in
                let manager = DialogueManager(intents: models.intentSet, classifier: models.intentModel, urgency: models.urgency, seed: seed)
                return ConversationTestRunner().run(scripts, with: manager)
            }
            let passed = results.filter(\.passed).count
            return JSONResponse.make(.object([
                ("passed", .int(passed)),
                ("failed", .int(results.count - passed)),
                ("results", .array(results.map { r in
                    .object([("conversation", .string(r.conversation)), ("line", .int(r.line)), ("message", .string(r.message)),
                             ("reply", .string(r.reply)), ("passed", .bool(r.passed)), ("failures", .array(r.failures.map { .string($0) }))])
                })),
            ]))
        }
        router.get("/v1/chat/:session/conv") { request, context in
            let conversation = try self.liveSession(context)
            let title = request.uri.queryParameters.get("title").map { String($0) } ?? "console session"
            let text = try await self.compute { conversation.conversationTest(title: Self.oneLine(title)) }
            return JSONResponse.text(text, contentType: "text/plain; charset=utf-8")
        }
        router.get("/v1/chat/:session/transcript") { _, context in
            let conversation = try self.liveSession(context)
            let text = try await self.compute { conversation.redactedTranscript() }
            return JSONResponse.text(text, contentType: "text/plain; charset=utf-8")
        }
        router.post("/v1/chat/:session/correct") { request, context in
            let body = try JSONBody(try await self.body(request))
            let name = try body.string("intent")
            let conversation = try self.liveSession(context)
            let models = try self.store.require()
            guard let def = models.intentSet.intent(named: name) else {
                throw APIError.badRequest("intent", "no intent named '\(name)'; GET /v1/chat/intents lists them")
            }
            guard let last = conversation.correctLast(def.name) else {
                throw APIError.badRequest("session", "the session has no turn to correct yet")
            }
            let path = self.configuration.pendingExamplesPath
                ?? (self.configuration.intentsDirectory as NSString).appendingPathComponent("pending/examples.xml")
            let redactor = Redactor(entities: models.intentSet.entities)
            do {
                try pendingWrites.withLock { _ in
                    try PendingExamples.append(intent: def.name, domain: def.domain, language: Language.of(last.message),
                                               text: last.message, redactor: redactor, to: path)
                }
            } catch {
                // The path and the reason only: the error never quotes the message.
                self.logger.error("could not write the pending-examples file", metadata: ["path": "\(path)"])
                throw APIError(.internalServerError, "could not write the pending-examples file")
            }
            return JSONResponse.make(.object([
                ("corrected", .bool(true)), ("from", .string(last.intent)), ("to", .string(def.name)),
                ("pending_file", .string((path as NSString).lastPathComponent)),
            ]))
        }
    }

    func liveSession(_ context: BasicRequestContext) throws -> ChatConversation {
        let id = try context.parameters.require("session")
        guard let c = sessions.live(id) else {
            throw APIError.notFound("no live chat session with that id (it may have expired)", field: "session")
        }
        return c
    }

    static func oneLine(_ s: String) -> String {
        String(s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ").prefix(200))
    }
}
