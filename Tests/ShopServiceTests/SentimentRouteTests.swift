import Foundation
import Hummingbird
import HummingbirdTesting
import ShopService
import Testing

@Suite struct SentimentRouteTests {
    @Test func textsAreTaggedInOrder() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/v1/sentiment", body: #"{"texts":["房间干净，服务热情，下次还来","Terrible hotel, dirty room and rude staff. Never again."]}"#)
            #expect(r.status == .ok)
            #expect(r.results.count == 2)
            #expect(r.results[0]["lang"] as? String == "zh")
            #expect(r.results[1]["lang"] as? String == "en")
            #expect(r.results[0]["label"] != nil && r.results[0]["score"] != nil)
            #expect(r.results[0]["line"] == nil)
            // the labels are the models' own: the two reviews disagree
            #expect((r.results[0]["label"] as? String) != (r.results[1]["label"] as? String))
        }
    }

    @Test func recordsKeepTheirIdsAndABadRecordIsAnsweredInPlace() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let body = #"{"records":[{"id":"a1","text":"很好"},{"id":7,"text":""},{"id":"c3"},{"id":"d4","text":"bad"}],"explain":true,"aspects":true}"#
            let r = try await client.call(.post, "/v1/sentiment", body: body)
            #expect(r.status == .ok)
            #expect(r.results.count == 4)
            #expect(r.results[0]["id"] as? String == "a1")
            #expect(r.results[0]["tokens"] is [Any])
            #expect(r.results[0]["aspects"] is [Any])
            #expect(r.results[1]["id"] as? Int == 7)
            #expect((r.results[1]["error"] as? String)?.contains("records[1].text") == true)
            #expect((r.results[2]["error"] as? String)?.contains("records[2].text is required") == true)
            #expect(r.results[3]["id"] as? String == "d4")
            #expect(r.results[3]["label"] != nil)
        }
    }

    @Test func malformedInputNamesTheField() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let broken = try await client.call(.post, "/v1/sentiment", body: #"{"texts": ["#)
            #expect(broken.status == .badRequest)
            #expect(broken.errorField == "body")
            let both = try await client.call(.post, "/v1/sentiment", body: #"{"texts":[],"records":[]}"#)
            #expect(both.status == .badRequest)
            #expect(both.errorField == "texts")
            let notArray = try await client.call(.post, "/v1/sentiment", body: #"{"texts":"hello"}"#)
            #expect(notArray.status == .badRequest)
            #expect(notArray.errorField == "texts")
            let badFlag = try await client.call(.post, "/v1/sentiment", body: #"{"texts":["x"],"explain":"yes"}"#)
            #expect(badFlag.status == .badRequest)
            #expect(badFlag.errorField == "explain")
            let notObject = try await client.call(.post, "/v1/sentiment", body: "[1,2]")
            #expect(notObject.status == .badRequest)
            #expect(notObject.errorField == "body")
            let invalidUTF8 = try await client.execute(uri: "/v1/sentiment", method: .post,
                                                       body: ByteBuffer(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])) { $0.status }
            #expect(invalidUTF8 == .badRequest)
        }
    }

    @Test func limitsAnswer413() async throws {
        let service = try ServiceFixture.service { $0.maxBodyBytes = 4096; $0.maxBatch = 8 }
        try await service.application().test(.router) { client in
            let batch = "{\"texts\":[" + Array(repeating: "\"ok\"", count: 9).joined(separator: ",") + "]}"
            let b = try await client.call(.post, "/v1/sentiment", body: batch)
            #expect(b.status == .contentTooLarge)
            #expect(b.errorField == "texts")
            let big = "{\"texts\":[\"" + String(repeating: "a", count: 5000) + "\"]}"
            let r = try await client.call(.post, "/v1/sentiment", body: big)
            #expect(r.status == .contentTooLarge)
            #expect(r.errorField == "body")
            let ok = try await client.call(.post, "/v1/sentiment", body: #"{"texts":["fine"]}"#)
            #expect(ok.status == .ok)
        }
    }

    @Test func theTimeLimitAnswers503() async throws {
        let service = try ServiceFixture.service { $0.requestTimeout = .milliseconds(1) }
        try await service.application().test(.router) { client in
            let texts = (0..<1000).map { "\"review number \($0): the room was clean but the staff were slow and the breakfast was cold\"" }
            let r = try await client.call(.post, "/v1/sentiment", body: "{\"texts\":[" + texts.joined(separator: ",") + "],\"explain\":true}")
            #expect(r.status == .serviceUnavailable)
            #expect(r.error["status"] as? Int == 503)
        }
    }
}
