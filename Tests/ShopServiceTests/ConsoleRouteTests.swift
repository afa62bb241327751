import Foundation
import HummingbirdTesting
import ShopService
import Testing

/// The console's pages and the routes added for it (chat tooling, product files).
@Suite struct ConsoleRouteTests {
    @Test func pagesAndAssetsAreServedWithTheirTypesAndAStrictPolicy() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            for (path, script) in [("/", nil), ("/chat", "chat"), ("/copy", "copy"), ("/reviews", "reviews")] as [(String, String?)] {
                let r = try await client.call(.get, path)
                #expect(r.status == .ok, "\(path)")
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true, "\(path)")
                #expect(r.text.contains("/console/console.js"), "\(path)")
                #expect(r.text.contains("href=\"/openapi.json\""), "\(path)")
                #expect(r.headers[.init("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
                // nothing is fetched from another host
                #expect(!r.text.contains("http://") && !r.text.contains("https://"), "\(path)")
                if let script {
                    #expect(r.text.contains("/console/\(script).js"))
                    let js = try await client.call(.get, "/console/\(script).js")
                    #expect(js.status == .ok)
                    #expect(js.headers[.contentType]?.hasPrefix("text/javascript") == true)
                    #expect(!js.text.contains("https://"))
                }
            }
            let css = try await client.call(.get, "/console/console.css")
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(try await client.call(.get, "/console/nope.js").status == .notFound)
        }
    }

    @Test func readyzStatesTheLimitsTheConsoleBatchesBy() async throws {
        let service = try ServiceFixture.service { $0.maxBodyBytes = 4096; $0.maxBatch = 7 }
        try await service.application().test(.router) { client in
            let limits = try await client.call(.get, "/readyz").json["limits"] as? [String: Any]
            #expect(limits?["max_body"] as? Int == 4096)
            #expect(limits?["max_batch"] as? Int == 7)
        }
    }

    @Test func aChatTurnCarriesTheDebugFields() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let r = try await client.call(.post, "/v1/chat", body: #"{"message":"where is my order","explain":true}"#)
            #expect(r.status == .ok)
            #expect((r.json["alternatives"] as? [[String: Any]])?.isEmpty == false)
            #expect(r.json["resolution"] is String)
            #expect(r.json["escalated"] as? Bool == false)
            #expect(r.json["asks"] as? String == "order_id")
            #expect((r.json["words"] as? [[String: Any]])?.isEmpty == false)
            let plain = try await client.call(.post, "/v1/chat", body: #"{"message":"where is my order"}"#)
            #expect(plain.json["words"] == nil, "words only when asked for")
        }
    }

    @Test func exportsAreRedactedAndNeedALiveSession() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let first = try await client.call(.post, "/v1/chat", body: #"{"message":"我的订单到哪了"}"#)
            let session = try #require(first.json["session"] as? String)
            _ = try await client.call(.post, "/v1/chat", body: #"{"session":"\#(session)","message":"订单号2024031512345678，我的手机号是13912345678"}"#)
            let conv = try await client.call(.get, "/v1/chat/\(session)/conv?title=t1")
            #expect(conv.status == .ok)
            #expect(conv.text.hasPrefix("# conversation: t1\n"))
            #expect(conv.text.contains("> 我的订单到哪了"))
            #expect(conv.text.contains("= intent order_status"))
            #expect(!conv.text.contains("13912345678"))
            // the exported test parses and passes when replayed
            let replay = try await client.call(.post, "/v1/chat/replay", body: String(data: try JSONSerialization.data(withJSONObject: ["conv": conv.text]), encoding: .utf8))
            #expect(replay.status == .ok)
            #expect(replay.json["failed"] as? Int == 0)
            #expect(replay.json["passed"] as? Int == 2)
            let transcript = try await client.call(.get, "/v1/chat/\(session)/transcript")
            #expect(transcript.text.contains("customer: 我的订单到哪了"))
            #expect(transcript.text.contains("[PHONE]"))
            #expect(!transcript.text.contains("13912345678"))
            #expect(transcript.text.contains("2024031512345678"), "order numbers are not customer data")
            let gone = try await client.call(.get, "/v1/chat/nope/transcript")
            #expect(gone.status == .notFound)
            #expect(gone.errorField == "session")
        }
    }

    @Test func aCorrectionIsSavedRedactedAsAPendingExample() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("console-pending-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = (dir as NSString).appendingPathComponent("examples.xml")
        let service = try ServiceFixture.service { $0.pendingExamplesPath = path }
        try await service.application().test(.router) { client in
            let first = try await client.call(.post, "/v1/chat", body: #"{"message":"call me on 13912345678 about my parcel"}"#)
            let session = try #require(first.json["session"] as? String)
            let intents = try await client.call(.get, "/v1/chat/intents").json["intents"] as? [[String: Any]]
            #expect(intents?.contains { $0["name"] as? String == "order_status" } == true)
            let bad = try await client.call(.post, "/v1/chat/\(session)/correct", body: #"{"intent":"no_such_intent"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "intent")
            let ok = try await client.call(.post, "/v1/chat/\(session)/correct", body: #"{"intent":"order_status"}"#)
            #expect(ok.status == .ok)
            #expect(ok.json["to"] as? String == "order_status")
            let saved = try String(contentsOfFile: path, encoding: .utf8)
            #expect(saved.contains(#"<intent name="order_status""#))
            #expect(saved.contains("[PHONE]"))
            #expect(!saved.contains("13912345678"))
            let conv = try await client.call(.get, "/v1/chat/\(session)/conv")
            #expect(conv.text.contains("= intent order_status\n# corrected by staff"))
        }
    }

    @Test func replayMarksEachTurnAndNamesTheLineOfABadFile() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let conv = "# conversation: c1\\n> hey, anybody there to help me?\\n= intent greet\\n> what is the status of order SO246801357\\n= intent refund_request\\n"
            let r = try await client.call(.post, "/v1/chat/replay", body: #"{"conv":"\#(conv)"}"#)
            #expect(r.status == .ok)
            #expect(r.json["passed"] as? Int == 1)
            #expect(r.json["failed"] as? Int == 1)
            #expect(r.results.map { $0["passed"] as? Bool } == [true, false])
            #expect((r.results[1]["failures"] as? [String])?.first?.contains("line 5") == true)
            let bad = try await client.call(.post, "/v1/chat/replay", body: #"{"conv":"> hi\nwhat is this"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "conv")
            #expect((bad.error["message"] as? String)?.hasPrefix("line 2:") == true)
            let empty = try await client.call(.post, "/v1/chat/replay", body: ##"{"conv":"# nothing\n"}"##)
            #expect(empty.status == .badRequest)
        }
    }

    static func fileBody(_ format: String, _ content: String, extra: String = "") throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["format": format, "content": content])
        var s = String(data: data, encoding: .utf8)!
        if !extra.isEmpty { s.removeLast(); s += "," + extra + "}" }
        return s
    }

    @Test func productFilesAreReadByTheDescribeReaders() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let jsonl = """
            {"id":"p1","title":"纯棉T恤","brand":"优衣库","specs":{"材质":"纯棉","颜色":"白色"}}
            {"id":"p2","brand":"无名","specs":{"材质":"涤纶"}}
            """
            let r = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("jsonl", jsonl, extra: #""variants":2"#))
            #expect(r.status == .ok)
            #expect(r.results.map { $0["id"] as? String } == ["p1"])
            #expect(r.results.first?["product_title"] as? String == "纯棉T恤")
            #expect((r.results.first?["blurbs"] as? [Any])?.count == 2)
            let errors = r.json["errors"] as? [[String: Any]]
            #expect(errors?.count == 1)
            #expect(errors?.first?["field"] as? String == "title")
            #expect(errors?.first?["line"] as? Int == 2)

            let csv = "id,title,brand,price\nc1,Plush Unicorn,Sparkle,$15.00\n"
            let c = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("csv", csv))
            #expect(c.results.first?["id"] as? String == "c1")
            #expect(((c.results.first?["blurbs"] as? [[String: Any]])?.first?["text"] as? String)?.isEmpty == false)

            let xml = """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
            <item><g:id>G1</g:id><title>Plush Unicorn</title><g:brand>Sparkle</g:brand><g:price>15.00 USD</g:price></item>
            </channel></rss>
            """
            let x = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("xml", xml))
            #expect(x.status == .ok)
            #expect(x.results.first?["id"] as? String == "G1")
        }
    }

    @Test func uploadedReviewsGroundTheHighlights() async throws {
        let service = try ServiceFixture.service()
        try await service.application().test(.router) { client in
            let product = #"{"id":"p1","title":"纯棉T恤","brand":"优衣库","specs":{"材质":"纯棉"}}"#
            let reviews = (1...4).map { #"{"product_id":"p1","text":"面料很舒服，穿着透气 \#($0)"}"# }.joined(separator: "\n")
            let data = try JSONSerialization.data(withJSONObject: ["format": "jsonl", "content": product, "reviews": reviews])
            let r = try await client.call(.post, "/v1/describe/file", body: String(data: data, encoding: .utf8))
            #expect(r.status == .ok)
            #expect(r.results.first?["reviews"] as? Int == 4)
            #expect((r.results.first?["highlights"] as? [[String: Any]])?.isEmpty == false)
            let badData = try JSONSerialization.data(withJSONObject: ["format": "jsonl", "content": product, "reviews": "not json\n"])
            let bad = try await client.call(.post, "/v1/describe/file", body: String(data: badData, encoding: .utf8))
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "reviews")
        }
    }

    @Test func badProductFilesAre4xxNamingTheField() async throws {
        let service = try ServiceFixture.service { $0.maxBodyBytes = 2048 }
        try await service.application().test(.router) { client in
            let wrong = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("jsonl", "just some text\nand more\n"))
            #expect(wrong.status == .badRequest)
            #expect(wrong.errorField == "content")
            #expect((wrong.error["message"] as? String)?.contains("no product could be read as jsonl") == true)
            let empty = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("csv", "  \n"))
            #expect(empty.status == .badRequest)
            #expect((empty.error["message"] as? String)?.contains("empty") == true)
            let format = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("docx", "x"))
            #expect(format.errorField == "format")
            let big = try await client.call(.post, "/v1/describe/file", body: try Self.fileBody("csv", String(repeating: "a", count: 5000)))
            #expect(big.status == .contentTooLarge)
            // still serving
            #expect(try await client.call(.get, "/healthz").status == .ok)
        }
    }
}
