import Foundation

/// A request's JSON object with typed accessors that fail with a 400 naming the member.
struct JSONBody {
    let object: [String: Any]

    /// Parses `data` as one JSON object; anything else is a 400 on `body`.
    init(_ data: Data) throws(APIError) {
        if data.isEmpty { throw APIError.badRequest("body", "a JSON object body is required") }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw APIError.badRequest("body", "the body is not valid UTF-8 JSON")
        }
        guard let o = parsed as? [String: Any] else { throw APIError.badRequest("body", "the body must be a JSON object") }
        object = o
    }

    init(object: [String: Any]) { self.object = object }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    func string(_ key: String) throws(APIError) -> String {
        guard let v = object[key], !(v is NSNull) else { throw APIError.badRequest(key, "'\(key)' is required (a string)") }
        guard let s = Self.asString(v) else { throw APIError.badRequest(key, "'\(key)' must be a string") }
        return s
    }

    func optionalString(_ key: String) throws(APIError) -> String? {
        has(key) ? try string(key) : nil
    }

    func optionalBool(_ key: String) throws(APIError) -> Bool? {
        guard has(key) else { return nil }
        guard let b = Self.asBool(object[key]!) else { throw APIError.badRequest(key, "'\(key)' must be true or false") }
        return b
    }

    func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard has(key) else { return nil }
        guard let i = Self.asInt(object[key]!), range.contains(i) else {
            throw APIError.badRequest(key, "'\(key)' must be an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return i
    }

    func array(_ key: String) throws(APIError) -> [Any] {
        guard let v = object[key], !(v is NSNull) else { throw APIError.badRequest(key, "'\(key)' is required (an array)") }
        guard let a = v as? [Any] else { throw APIError.badRequest(key, "'\(key)' must be an array") }
        return a
    }

    /// JSON strings only (numbers are not silently turned into text).
    static func asString(_ v: Any) -> String? {
        v as? String
    }

    /// JSON booleans only: Foundation hands back numbers and booleans as NSNumber, and only
    /// a boolean's objCType is "c".
    static func asBool(_ v: Any) -> Bool? {
        guard let n = v as? NSNumber, isBoolean(n) else { return nil }
        return n.boolValue
    }

    /// Whole JSON numbers only (not booleans, not 1.5).
    static func asInt(_ v: Any) -> Int? {
        guard let n = v as? NSNumber, !isBoolean(n) else { return nil }
        let d = n.doubleValue
        guard d.isFinite, d == d.rounded(), abs(d) < 1e9 else { return nil }
        return Int(d)
    }

    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }
}
