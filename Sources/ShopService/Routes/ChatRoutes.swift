import Foundation
import Hummingbird
import ShopDialogue
import ShopCore

extension ShopService {
    /// `POST /v1/chat` (one turn; no `session` starts one) and `DELETE /v1/chat/{session}`.
    func addChatRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/chat") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let session = try body.optionalString("session")
            let message = try body.string("message")
            if message.allSatisfy(\.isWhitespace) { throw APIError.badRequest("message", "'message' is empty") }
            let language = try Self.chatLanguage(body)
            let models = try self.store.require()
            let seed = self.configuration.chatSeed
            let (conversation, status) = self.sessions.checkout(session) { ChatConversation(id: $0, models: models, seed: seed) }
            let explain = try body.optionalBool("explain") ?? false
            let (turn, words) = try await self.compute { () -> (DialogueTurn, [WordWeight]) in
                let t = conversation.respond(message, language: language)
                return (t, explain ? models.intentModel.explain(message.trimmingCharacters(in: .whitespacesAndNewlines)) : [])
            }
            var json = Self.chatJSON(turn, session: conversation.id, status: status)
            if explain, case .object(var kv) = json {
                kv.append(("words", .array(words.map { .object([("word", .string($0.word)), ("weight", .score($0.weight))]) })))
                json = .object(kv)
            }
            return JSONResponse.make(json)
        }
        router.delete("/v1/chat/:session") { _, context in
            let id = try context.parameters.require("session")
            guard self.sessions.end(id) else {
                throw APIError.notFound("no live chat session with that id (it may have expired)", field: "session")
            }
            return JSONResponse.make(.object([("ended", .bool(true))]))
        }
    }

    /// `lang`: "zh" or "en" forces the reply language; absent follows the message.
    static func chatLanguage(_ body: JSONBody) throws(APIError) -> Language? {
        guard let lang = try body.optionalString("lang") else { return nil }
        guard let l = Language(rawValue: lang) else { throw APIError.badRequest("lang", "'lang' must be \"zh\" or \"en\"") }
        return l
    }

    static func chatJSON(_ t: DialogueTurn, session: String, status: ChatSessionStore.Status) -> JSONValue {
        var kv: [(String, JSONValue)] = [
            ("session", .string(session)),
            ("reply", .string(t.reply)),
            ("intent", .string(t.intent)),
            ("confidence", .score(t.prediction.confidence)),
            ("entities", entitiesJSON(t.entities)),
            ("slots", .object(t.slots.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("handoff", .bool(t.handoff)),
            ("urgency", .score(t.urgency)),
            ("lang", .string(t.language.rawValue)),
            ("new_session", .bool(status != .continued)),
            // the console's debug panel: how the intent was chosen and what the reply does
            ("alternatives", .array(t.prediction.alternatives.map { .object([("intent", .string($0.intent)), ("confidence", .score($0.probability))]) })),
            ("classifier_intent", .string(t.prediction.intent)),
            ("resolution", .string(t.resolution)),
            ("escalated", .bool(t.escalated)),
        ]
        if let a = t.askedSlot { kv.append(("asks", .string(a))) }
        if let c = t.confirming { kv.append(("confirms", .string(c))) }
        if let v = t.variant { kv.append(("variant", .int(v))) }
        if !t.choices.isEmpty { kv.append(("choices", .array(t.choices.map { .string($0.intent) }))) }
        if case .restarted(let reason) = status {
            kv.append(("session_reset", .string(reason)))
            kv.append(("notice", .string("your previous session is gone (\(reason)); this message started a new conversation")))
        }
        return .object(kv)
    }
}
