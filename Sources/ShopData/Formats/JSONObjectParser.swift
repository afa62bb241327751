/// A small, strict JSON parser for one JSON Lines record: the top level must be an object;
/// its scalar members become string fields (numbers keep their source spelling, e.g. `5.0`;
/// booleans are `true`/`false`; nulls are left out), nested objects are flattened with dotted
/// keys (`style.Size:`), and arrays are kept as their JSON text. Errors give a 1-based byte column.
struct JSONObjectParser {
    /// Nesting deeper than this is rejected instead of recursing without bound.
    static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var fields: [String: String] = [:]

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses `bytes` (valid UTF-8) as one JSON object.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[String: String], JSONSyntaxError> {
        var p = JSONObjectParser(bytes)
        do {
            p.skipSpace()
            guard p.i < bytes.count else { throw p.fail("empty line, expected a JSON object") }
            guard bytes[p.i] == UInt8(ascii: "{") else { throw p.fail("expected a JSON object starting with '{'") }
            try p.object(prefix: "", depth: 1)
            p.skipSpace()
            if p.i < bytes.count { throw p.fail("unexpected text after the JSON object") }
            return .success(p.fields)
        } catch let e as JSONSyntaxError {
            return .failure(e)
        } catch {
            return .failure(JSONSyntaxError(column: p.i + 1, reason: "\(error)"))
        }
    }

    private func fail(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(column: i + 1, reason: reason)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func expect(_ c: UInt8, _ what: String) throws {
        skipSpace()
        guard i < bytes.count, bytes[i] == c else {
            throw fail(i < bytes.count ? "expected \(what)" : "line ends early, expected \(what)")
        }
        i += 1
    }

    /// Parses an object at `i` (which holds `{`), storing its members under `prefix`.
    private mutating func object(prefix: String, depth: Int) throws {
        if depth > Self.maxDepth { throw fail("nesting deeper than \(Self.maxDepth)") }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail(i < bytes.count ? "expected a quoted member name" : "line ends early inside an object")
            }
            let key = prefix + (try string())
            try expect(UInt8(ascii: ":"), "':' after a member name")
            try value(key: key, depth: depth)
            skipSpace()
            guard i < bytes.count else { throw fail("line ends early, expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return }
            throw fail("expected ',' or '}'")
        }
    }

    /// Parses any value; scalars are stored under `key` (nil: inside an array, not stored).
    private mutating func value(key: String?, depth: Int) throws {
        skipSpace()
        guard i < bytes.count else { throw fail("line ends early, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            let s = try string()
            if let key { fields[key] = s }
        case UInt8(ascii: "{"):
            if let key {
                try object(prefix: key + ".", depth: depth + 1)
            } else {
                try skipContainer(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            let start = i
            try skipContainer(depth: depth + 1)
            if let key { fields[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) }
        case UInt8(ascii: "t"): try literal("true", key: key, stored: "true")
        case UInt8(ascii: "f"): try literal("false", key: key, stored: "false")
        case UInt8(ascii: "n"): try literal("null", key: key, stored: nil)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            try number()
            if let key { fields[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) }
        default:
            throw fail("unexpected character, expected a value")
        }
    }

    /// Skips an array or object (validating it) without storing anything inside it.
    private mutating func skipContainer(depth: Int) throws {
        if depth > Self.maxDepth { throw fail("nesting deeper than \(Self.maxDepth)") }
        let isArray = bytes[i] == UInt8(ascii: "[")
        let close = isArray ? UInt8(ascii: "]") : UInt8(ascii: "}")
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == close { i += 1; return }
        while true {
            if !isArray {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted member name") }
                _ = try string()
                try expect(UInt8(ascii: ":"), "':' after a member name")
            }
            try value(key: nil, depth: depth)
            skipSpace()
            guard i < bytes.count else { throw fail("line ends early inside \(isArray ? "an array" : "an object")") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == close { i += 1; return }
            throw fail("expected ',' or '\(isArray ? "]" : "}")'")
        }
    }

    private mutating func literal(_ word: StaticString, key: String?, stored: String?) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("unknown literal") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw fail("unknown literal") }
        i += n
        if let key, let stored { fields[key] = stored }
    }

    /// Validates a number against the JSON grammar.
    private mutating func number() throws {
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("malformed number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { _ = digits() }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw fail("malformed number: no digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw fail("malformed number: no digits in exponent") }
        }
    }

    /// Parses a string at `i` (which holds `"`), resolving escapes.
    private mutating func string() throws -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character inside a string") }
            i += 1
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character inside a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        scalar = (0xDC00...0xDFFF).contains(low)
                            ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
            default:
                i -= 1
                throw fail("unknown escape '\\\(Unicode.Scalar(e))'")
            }
        }
        throw fail("line ends inside a string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw fail("bad hex digit in \\u escape")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
