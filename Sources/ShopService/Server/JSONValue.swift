import ShopSentiment
/// A JSON value written in a fixed key order, so responses are deterministic and floats
/// are rounded the way the CLI writes them (4 decimals) instead of as Float → Double noise.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// Already-serialised JSON (the sentiment tagger's and blurb writer's own output).
    case raw(String)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered == b.rendered }

    /// A probability or score rounded to 4 decimals.
    public static func score(_ x: Float) -> JSONValue {
        x.isFinite ? .number((Double(x) * 10_000).rounded() / 10_000) : .null
    }

    public var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }

    public func render(into out: inout String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let d):
            if !d.isFinite { out.append("null") }
            else if d == d.rounded(), abs(d) < 1e15 { out.append(String(Int(d))) }
            else { out.append(String(d)) }
        case .int(let i): out.append(String(i))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        case .raw(let s): out.append(s)
        case .array(let xs):
            out.append("[")
            for (i, x) in xs.enumerated() {
                if i > 0 { out.append(",") }
                x.render(into: &out)
            }
            out.append("]")
        case .object(let kv):
            out.append("{")
            for (i, (k, v)) in kv.enumerated() {
                if i > 0 { out.append(",") }
                Self.quote(k, into: &out)
                out.append(":")
                v.render(into: &out)
            }
            out.append("}")
        }
    }

    /// A JSON string literal: the tagger's own escaping (`JSONText`), so the service and the
    /// CLI write strings byte for byte alike.
    public static func quote(_ s: String, into out: inout String) {
        JSONText.string(s, into: &out)
    }
}
