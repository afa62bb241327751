/// Where each top-level value of a JSON object sits in its bytes, found without building the
/// object.
///
/// Why: a model file's metadata is one object, `{"kind":…,"config":{…},"app":{…}}`, and each
/// model decodes its own `config` and `app` with `JSONDecoder`. Cutting them out by building
/// the whole object and serialising its parts again cost more than decoding them (the
/// README's tagging command, whose models hold large vocabularies, went 1.27 → 0.98 s without
/// it); their bytes are already there.
public enum JSONObjectSpans {
    /// The byte range of each top-level key's value (the last one for a repeated key), or nil
    /// when `bytes` is not a JSON object this reader walks: a key with an escape in it, or
    /// anything malformed. It checks structure only as far as it needs to find the spans, so
    /// a caller that needs valid JSON must parse it too.
    public static func spans(_ bytes: [UInt8]) -> [String: Range<Int>]? {
        var i = 0
        let n = bytes.count
        func skipSpace() {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        /// Past the string starting at `i` (its opening quote); false when it never closes.
        func skipString() -> Bool {
            i += 1
            while i < n {
                switch bytes[i] {
                case UInt8(ascii: "\\"): i += 2
                case UInt8(ascii: "\""): i += 1; return true
                default: i += 1
                }
            }
            return false
        }
        /// Past the value starting at `i`; false when it is cut short.
        func skipValue() -> Bool {
            guard i < n else { return false }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < n {
                    switch bytes[i] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default:
                        break
                    }
                    i += 1
                }
                return false
            default:
                let start = i
                while i < n, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
                return i > start
            }
        }

        var out: [String: Range<Int>] = [:]
        skipSpace()
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        skipSpace()
        if i < n, bytes[i] == UInt8(ascii: "}") { i += 1; skipSpace(); return i == n ? out : nil }
        while true {
            skipSpace()
            guard i < n, bytes[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i + 1
            guard skipString() else { return nil }
            let key = bytes[keyStart..<(i - 1)]
            if key.contains(UInt8(ascii: "\\")) { return nil }
            skipSpace()
            guard i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            let valueStart = i
            guard skipValue() else { return nil }
            out[String(decoding: key, as: UTF8.self)] = valueStart..<i
            skipSpace()
            guard i < n else { return nil }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            guard bytes[i] == UInt8(ascii: "}") else { return nil }
            i += 1
            skipSpace()
            return i == n ? out : nil
        }
    }
}
