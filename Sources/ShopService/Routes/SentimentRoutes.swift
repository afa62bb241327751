import Foundation
import Hummingbird
import ShopSentiment

extension ShopService {
    /// `POST /v1/sentiment`: `{"texts": [...]}` or `{"records": [{"id", "text"}]}`, with
    /// `explain` and `aspects`; results in input order, a bad record answered in its place.
    func addSentimentRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/sentiment") { request, _ in
            let body = try JSONBody(try await self.body(request))
            let request = try SentimentRequest(body)
            try self.checkBatch(request.items.count, field: request.field)
            let models = try self.store.require()
            let results = try await self.compute { request.answer(models: models) }
            var out = "{\"results\":["
            for (i, r) in results.enumerated() {
                if i > 0 { out.append(",") }
                out.append(r)
            }
            out.append("]}")
            return JSONResponse.make(.raw(out))
        }
    }
}

/// A parsed `/v1/sentiment` request: each item is a text to tag or the reason it cannot be.
struct SentimentRequest: Sendable {
    enum Item: Sendable {
        case text(id: JSONValue?, String)
        case bad(id: JSONValue?, String)
    }

    var items: [Item]
    /// `texts` or `records`, for error messages.
    var field: String
    var explain: Bool
    var aspects: Bool

    init(_ body: JSONBody) throws(APIError) {
        explain = try body.optionalBool("explain") ?? false
        aspects = try body.optionalBool("aspects") ?? false
        switch (body.has("texts"), body.has("records")) {
        case (true, true):
            throw APIError.badRequest("texts", "give either 'texts' or 'records', not both")
        case (false, false):
            throw APIError.badRequest("texts", "'texts' (an array of strings) or 'records' (an array of {id, text}) is required")
        case (true, false):
            field = "texts"
            items = try body.array("texts").enumerated().map { i, v in
                guard let s = JSONBody.asString(v) else { return .bad(id: nil, "texts[\(i)] must be a string") }
                return Self.check(id: nil, s, field: "texts[\(i)]")
            }
        case (false, true):
            field = "records"
            items = try body.array("records").enumerated().map { i, v in
                guard let o = v as? [String: Any] else { return .bad(id: nil, "records[\(i)] must be an object with 'text'") }
                var id: JSONValue? = nil
                if let raw = o["id"], !(raw is NSNull) {
                    if let s = raw as? String { id = .string(s) }
                    else if let n = JSONBody.asInt(raw) { id = .int(n) }
                    else { return .bad(id: nil, "records[\(i)].id must be a string or an integer") }
                }
                guard let t = o["text"] else { return .bad(id: id, "records[\(i)].text is required") }
                guard let s = JSONBody.asString(t) else { return .bad(id: id, "records[\(i)].text must be a string") }
                return Self.check(id: id, s, field: "records[\(i)].text")
            }
        }
    }

    static func check(id: JSONValue?, _ text: String, field: String) -> Item {
        text.allSatisfy(\.isWhitespace) ? .bad(id: id, "\(field) is empty") : .text(id: id, text)
    }

    /// One JSON object per item: the tagger's (as `sentiment tag` writes it, its `line`
    /// replaced by the record's `id` when given) or `{"id"?, "error"}`.
    func answer(models: ServiceModels) -> [String] {
        let options = TagOptions(explain: explain, aspects: aspects && models.aspects != nil, workers: 1)
        let tagger = RecordTagger(chooser: models.sentiment, options: options, aspects: models.aspects)
        var texts: [(text: String, line: Int)] = []
        for (i, item) in items.enumerated() { if case .text(_, let t) = item { texts.append((t, i)) } }
        var tagged = tagger.tag(records: texts).makeIterator()
        return items.map { item in
            switch item {
            case .bad(let id, let reason):
                var kv: [(String, JSONValue)] = []
                if let id { kv.append(("id", id)) }
                kv.append(("error", .string(reason)))
                return JSONValue.object(kv).rendered
            case .text(let id, _):
                let t = tagged.next()!
                return Self.replacingLine(t.json, id: id)
            }
        }
    }

    /// `{"line":N,…}` → `{"id":…,…}` or `{…}`.
    static func replacingLine(_ json: String, id: JSONValue?) -> String {
        guard json.hasPrefix("{\"line\":"), let comma = json.firstIndex(of: ",") else { return json }
        let rest = json[json.index(after: comma)...]
        guard let id else { return "{" + rest }
        return "{\"id\":" + id.rendered + "," + rest
    }
}
