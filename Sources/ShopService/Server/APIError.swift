import Hummingbird

/// An error the service answers with a JSON body `{"error": {"status", "message", "field"?}}`.
/// `field` names the request member at fault (`texts[3]`, `products[0].id`, `k`) so a
/// client can fix its input without reading logs.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    public static func badRequest(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, message, field: field)
    }

    public static func notFound(_ message: String, field: String? = nil) -> APIError {
        APIError(.notFound, message, field: field)
    }

    public static func tooLarge(_ field: String?, _ message: String) -> APIError {
        APIError(.contentTooLarge, message, field: field)
    }

    /// The per-request time limit ran out (or the compute queue was too long to get in).
    public static let timedOut = APIError(.serviceUnavailable, "the request took longer than the server's time limit; try a smaller batch or again later")

    public static let notReady = APIError(.serviceUnavailable, "models are still loading; see /readyz")

    public var json: JSONValue {
        var e: [(String, JSONValue)] = [("status", .int(status.code)), ("message", .string(message))]
        if let field { e.append(("field", .string(field))) }
        return .object([("error", .object(e))])
    }
}
