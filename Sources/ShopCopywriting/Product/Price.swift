import Foundation
import ShopCore

/// A price as the record states it: an amount in minor units (cents/分) and a currency, or
/// a range (`$10.99 - $20.99`). Kept as integers so formatting never rounds what the
/// seller wrote.
public struct Price: Sendable, Equatable, Hashable, Codable {
    /// Amount in hundredths of the currency unit (yen too: ¥1,980 is 198000).
    public var cents: Int64
    /// ISO code: "CNY", "USD", "EUR", "JPY", …
    public var currency: String
    /// The top of a range, when the record gives one.
    public var upperCents: Int64?

    public init(cents: Int64, currency: String, upperCents: Int64? = nil) {
        self.cents = cents
        self.currency = currency
        self.upperCents = upperCents
    }

    /// Symbols and codes, longest first so `US$` wins over `$` and `JP¥` over `¥`.
    static let symbols: [(String, String)] = [
        ("US$", "USD"), ("HK$", "HKD"), ("NT$", "TWD"), ("C$", "CAD"), ("A$", "AUD"), ("JP¥", "JPY"), ("CN¥", "CNY"),
        ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("JPY", "JPY"), ("HKD", "HKD"),
        ("TWD", "TWD"), ("CAD", "CAD"), ("AUD", "AUD"), ("CHF", "CHF"), ("KRW", "KRW"), ("INR", "INR"), ("SGD", "SGD"),
        ("人民币", "CNY"), ("日元", "JPY"), ("美元", "USD"), ("欧元", "EUR"), ("英镑", "GBP"),
        ("円", "JPY"), ("元", "CNY"), ("块", "CNY"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW"), ("₹", "INR"),
        ("￥", "CNY"), ("¥", "CNY"),
    ]

    /// Currencies written without minor units: a separator before three digits is a
    /// thousands separator there (`¥1.980` in a JPY feed).
    static let wholeUnitCurrencies: Set<String> = ["JPY", "KRW"]

    /// Why a price text could not be read (for the record's warning).
    public enum ParseProblem: Error, Sendable, Equatable {
        case empty, noNumber, noCurrency, malformed(String)
    }

    /// Parses texts such as `$19.99`, `¥1,299.00`, `1299 CNY`, `19,99 EUR`, `1.299,50 €`,
    /// `JPY 1980`, `￥199元`, and ranges `$10.99 - $20.99` / `10-20元`. Decimal commas are
    /// read the European way (`19,99` is 19.99, `1,299` and `1.299` are 1299: a separator
    /// before exactly three digits groups thousands). `defaultCurrency` applies when the text
    /// names none. Returns nil when the text is not a price: we never guess one.
    public static func parse(_ text: String, defaultCurrency: String? = nil) -> Price? {
        try? parseOrExplain(text, defaultCurrency: defaultCurrency).get()
    }

    /// As `parse`, with the reason when the text is not a price.
    public static func parseOrExplain(_ text: String, defaultCurrency: String? = nil) -> Result<Price, ParseProblem> {
        var t = text.trimmingCharactersInSet()
        if t.isEmpty || t.lowercased() == "null" || t.lowercased() == "n/a" { return .failure(.empty) }
        // Full-width digits and punctuation (１９，９９) read as ASCII.
        t = String(String.UnicodeScalarView(t.unicodeScalars.map { u in
            (0xFF01...0xFF5E).contains(u.value) && u.value != 0xFFE5 ? Unicode.Scalar(u.value - 0xFEE0)! : u
        }))
        var currency: String? = nil
        // Most catalogue prices are ASCII (`$19.99`): there a byte search answers what the
        // canonical-equivalence search does (no other ASCII text is equivalent to a symbol),
        // and asking Foundation for each of the 37 symbols was a thirtieth of English describe.
        let ascii = t.utf8.allSatisfy { $0 < 0x80 }
        for (sym, code) in symbols where ascii ? Self.bytesContain(t, sym) : t.contains(sym) {
            if currency == nil { currency = code }
            t = t.replacingAll(sym, with: " ")
        }
        // A range: two amounts around a dash, tilde or "to" (`10.99 - 20.99`, `10~20`).
        var amounts: [String] = []
        var rest = t
        let asciiRest = rest.utf8.allSatisfy { $0 < 0x80 }
        for sep in [" to ", "~", "–", "—", "-", "至"] where asciiRest ? Self.bytesContain(rest, sep) : rest.contains(sep) {
            let halves = rest.components(separatedBy: sep)
            if halves.count == 2 { amounts = halves.map { $0.trimmingCharactersInSet() }; rest = ""; break }
            return .failure(.malformed(text))
        }
        if amounts.isEmpty { amounts = [rest.trimmingCharactersInSet()] }
        guard let cur = currency ?? defaultCurrency else {
            return amounts.allSatisfy({ !$0.contains(where: \.isNumber) }) ? .failure(.noNumber) : .failure(.noCurrency)
        }
        var values: [Int64] = []
        for a in amounts {
            switch amount(a, wholeUnits: wholeUnitCurrencies.contains(cur)) {
            case .success(let v): values.append(v)
            case .failure(let p): return .failure(p)
            }
        }
        if values.count == 2 {
            guard values[0] <= values[1] else { return .failure(.malformed(text)) }
            return .success(Price(cents: values[0], currency: cur, upperCents: values[0] == values[1] ? nil : values[1]))
        }
        return .success(Price(cents: values[0], currency: cur))
    }

    /// Whether `needle`'s UTF-8 bytes occur in `text`'s (`contains` for an ASCII text: a
    /// needle with other scalars cannot occur in it, and ASCII has no other equivalents).
    static func bytesContain(_ text: String, _ needle: String) -> Bool {
        var t = text, n = needle
        return t.withUTF8 { hay in n.withUTF8 { ByteSearch.firstIndex(of: $0, in: hay, from: 0) != nil } }
    }

    /// One amount in cents: digits with `,` / `.` / space / `'` as separators.
    static func amount(_ raw: String, wholeUnits: Bool) -> Result<Int64, ParseProblem> {
        let s = raw.filter { !$0.isWhitespace && $0 != "'" }
        guard !s.isEmpty, s.contains(where: \.isNumber) else { return .failure(.noNumber) }
        guard s.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }) else { return .failure(.malformed(raw)) }
        let chars = Array(s)
        // The decimal separator: the last `,` or `.` when it is followed by 1–2 digits, or by
        // a number of digits other than 3; a lone separator before exactly 3 digits groups.
        var decimalAt: Int? = nil
        if let last = chars.lastIndex(where: { $0 == "," || $0 == "." }) {
            let after = chars.count - last - 1
            let sep = chars[last]
            let sameBefore = chars[..<last].contains(sep)
            let otherBefore = chars[..<last].contains(sep == "," ? "." : ",")
            if otherBefore { decimalAt = last }
            else if sameBefore { decimalAt = nil }
            else if after == 3 { decimalAt = nil }
            else { decimalAt = last }
            if wholeUnits && after == 3 && !otherBefore { decimalAt = nil }
        }
        // Grouping separators must group threes: `1,299`, `1.299.000`, not `1.2.3`.
        let intChars = decimalAt.map { Array(chars[..<$0]) } ?? chars
        let groups = intChars.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        if groups.count > 1, groups.first!.isEmpty || groups.first!.count > 3 || groups.dropFirst().contains(where: { $0.count != 3 }) {
            return .failure(.malformed(raw))
        }
        var intPart: Int64 = 0, frac: Int64 = 0, fracDigits = 0
        for (i, ch) in chars.enumerated() {
            if ch == "," || ch == "." {
                if let d = decimalAt, i == d { continue }
                if let d = decimalAt, i > d { return .failure(.malformed(raw)) }
                continue
            }
            let d = Int64(ch.wholeNumberValue!)
            if let dp = decimalAt, i > dp {
                fracDigits += 1
                if fracDigits > 2 { return .failure(.malformed(raw)) }
                frac = frac * 10 + d
            } else {
                if intPart > Int64.max / 1000 { return .failure(.malformed(raw)) }
                intPart = intPart * 10 + d
            }
        }
        if fracDigits == 1 { frac *= 10 }
        return .success(intPart * 100 + frac)
    }
}

extension String {
    func trimmingCharactersInSet() -> String {
        // Most texts start and end with a printable ASCII character, which is never
        // whitespace, nor is a character that ends in one (CR LF ends in LF, outside the
        // range): nothing to trim.
        if let f = utf8.first, let l = utf8.last, f >= 0x21, f <= 0x7E, l >= 0x21, l <= 0x7E { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[rest.startIndex..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
