import Foundation
import HummingbirdTesting
import ShopService
import Testing

@Suite struct ChatRouteTests {
    @Test func aSessionCarriesSlotsAcrossTurns() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let first = try await client.call(.post, "/v1/chat", body: #"{"message":"我的订单到哪了"}"#)
            #expect(first.status == .ok)
            #expect(first.json["new_session"] as? Bool == true)
            #expect(first.json["session_reset"] == nil)
            let session = try #require(first.json["session"] as? String)
            for key in ["reply", "intent", "confidence", "entities", "slots", "handoff", "urgency"] {
                #expect(first.json[key] != nil, "\(key)")
            }
            let second = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(session)","message":"2024031512345678"}"#)
            #expect(second.json["session"] as? String == session)
            #expect(second.json["new_session"] as? Bool == false)
            // the order number answered the first turn's question: same intent, slot filled
            #expect(second.json["intent"] as? String == first.json["intent"] as? String)
            #expect((second.json["slots"] as? [String: Any])?.isEmpty == false)
        }
    }

    @Test func langIsForcedAndChecked() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let en = try await client.call(.post, "/v1/chat", body: #"{"message":"你好","lang":"en"}"#)
            #expect(en.json["lang"] as? String == "en")
            let bad = try await client.call(.post, "/v1/chat", body: #"{"message":"hi","lang":"fr"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "lang")
            let noMessage = try await client.call(.post, "/v1/chat", body: #"{"session":"x"}"#)
            #expect(noMessage.errorField == "message")
            let wrongType = try await client.call(.post, "/v1/chat", body: #"{"message":12}"#)
            #expect(wrongType.errorField == "message")
            let sessionType = try await client.call(.post, "/v1/chat", body: #"{"message":"hi","session":5}"#)
            #expect(sessionType.errorField == "session")
        }
    }

    @Test func deleteEndsASessionAndTheClientIsToldOnReturn() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let s = try #require(try await client.call(.post, "/v1/chat", body: #"{"message":"hello"}"#).json["session"] as? String)
            #expect(try await client.call(.delete, "/v1/chat/\(s)").status == .ok)
            let again = try await client.call(.delete, "/v1/chat/\(s)")
            #expect(again.status == .notFound)
            #expect(again.errorField == "session")
            let back = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(s)","message":"hello"}"#)
            #expect(back.json["new_session"] as? Bool == true)
            #expect(back.json["session_reset"] as? String == "ended")
            #expect(back.json["session"] as? String != s)
            let unknown = try await client.call(.post, "/v1/chat", body: #"{"session":"never-issued","message":"hello"}"#)
            #expect(unknown.json["session_reset"] as? String == "unknown")
        }
    }

    @Test func idleSessionsExpireAfterTheTTL() async throws {
        let clock = ManualClock()
        let service = try ServiceFixture.service(clock: clock) { $0.sessionTTL = .seconds(60) }
        try await service.application().test(.router) { client in
            let s = try #require(try await client.call(.post, "/v1/chat", body: #"{"message":"hello"}"#).json["session"] as? String)
            clock.advance(seconds: 59)
            let kept = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(s)","message":"hello"}"#)
            #expect(kept.json["new_session"] as? Bool == false) // used again: idle time starts over
            clock.advance(seconds: 59)
            #expect(try await client.call(.get, "/metrics").text.contains("shopnlp_chat_sessions_live 1"))
            clock.advance(seconds: 2)
            #expect(try await client.call(.get, "/metrics").text.contains("shopnlp_chat_sessions_live 0"))
            let back = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(s)","message":"hello"}"#)
            #expect(back.json["new_session"] as? Bool == true)
            #expect(back.json["session_reset"] as? String == "expired")
            #expect((back.json["notice"] as? String)?.contains("new conversation") == true)
        }
    }

    @Test func theCapEvictsTheLongestIdle() async throws {
        let clock = ManualClock()
        let service = try ServiceFixture.service(clock: clock) { $0.maxSessions = 2 }
        try await service.application().test(.router) { client in
            var ids: [String] = []
            for _ in 0..<2 {
                ids.append(try #require(try await client.call(.post, "/v1/chat", body: #"{"message":"hello"}"#).json["session"] as? String))
                clock.advance(seconds: 1)
            }
            // touch the first: the second is now the longest idle
            _ = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(ids[0])","message":"hello"}"#)
            clock.advance(seconds: 1)
            _ = try await client.call(.post, "/v1/chat", body: #"{"message":"hello"}"#)
            let first = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(ids[0])","message":"hello"}"#)
            #expect(first.json["new_session"] as? Bool == false)
            let second = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(ids[1])","message":"hello"}"#)
            #expect(second.json["session_reset"] as? String == "evicted")
            let m = try await client.call(.get, "/metrics").text
            #expect(m.contains("shopnlp_chat_sessions_live 2"))
            #expect(m.contains("shopnlp_chat_sessions_evicted_total 2"))
        }
    }

    @Test func logsAreJSONLinesWithoutCustomerData() async throws {
        let sink = LogSink(capture: true)
        let service = try ServiceFixture.service(sink: sink)
        try await service.application().test(.router) { client in
            _ = try await client.call(.post, "/v1/chat", body: #"{"message":"my phone is 13812345678 and mail jane.doe@example.com"}"#)
            _ = try await client.call(.post, "/v1/chat", body: #"{"message":12}"#)
        }
        let lines = sink.lines
        #expect(lines.count >= 2)
        for line in lines {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(o["level"] != nil && o["msg"] != nil && o["ts"] != nil)
            #expect(!line.contains("13812345678"))
            #expect(!line.contains("jane.doe"))
            #expect(!line.contains("my phone"))
        }
        #expect(lines.contains { $0.contains(#""route":"/v1/chat""#) && $0.contains(#""status":"200""#) })
    }
}
