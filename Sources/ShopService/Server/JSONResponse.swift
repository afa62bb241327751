import Hummingbird

/// Builds the service's JSON responses.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var s = value.rendered
        s.append("\n")
        return text(s, contentType: "application/json; charset=utf-8", status: status, headers: extra)
    }

    static func text(_ s: String, contentType: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: s)))
    }

    static func error(_ e: APIError) -> Response {
        var extra: HTTPFields = [:]
        if e.status == .unauthorized { extra[.wwwAuthenticate] = "Bearer" }
        return make(e.json, status: e.status, headers: extra)
    }
}
