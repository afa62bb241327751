/// Minimal JSON writing for the tagger's hot path (no Foundation encoder per record).
public enum JSONText {
    /// A JSON string literal (control characters and the JS line separators escaped).
    public static func string(_ s: String, into out: inout String) {
        out.append("\"")
        // Most strings need no escape: append them whole (byte 0xE2 starts U+2028/2029, so
        // a string holding it takes the scalar loop, which decides exactly)
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append(s)
        } else {
            escapeByScalars(s, into: &out)
        }
        out.append("\"")
    }

    /// The string's characters with JSON escapes, one scalar at a time (the reference for
    /// the whole-string fast path in `string`).
    static func escapeByScalars(_ s: String, into out: inout String) {
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
    }

    /// A probability with 4 decimals, without Foundation's formatter.
    static func number(_ x: Float, into out: inout String) {
        let v = Int((Double(x) * 10_000).rounded())
        if v < 0 { out.append("-") }
        let a = abs(v)
        out.append(String(a / 10_000))
        out.append(".")
        let frac = String(a % 10_000)
        out.append(String(repeating: "0", count: 4 - frac.count) + frac)
    }
}
