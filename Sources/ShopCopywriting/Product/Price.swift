import Foundation

/// A price as the record states it: an amount in minor units (cents/分) and a currency.
/// Kept as integers so formatting never rounds what the seller wrote.
public struct Price: Sendable, Equatable, Hashable, Codable {
    /// Amount in hundredths of the currency unit.
    public var cents: Int64
    /// ISO code: "CNY", "USD", …
    public var currency: String

    public init(cents: Int64, currency: String) {
        self.cents = cents
        self.currency = currency
    }

    /// Parses texts such as `$19.99`, `¥1,299.00`, `1299 CNY`, `19.99 USD`, `￥199`.
    /// A range (`$10.99 - $20.99`) or text without digits gives nil: we never guess a price.
    /// `defaultCurrency` applies when the text names none.
    public static func parse(_ text: String, defaultCurrency: String? = nil) -> Price? {
        var t = text.trimmingCharactersInSet()
        if t.isEmpty { return nil }
        var currency: String? = nil
        let symbols: [(String, String)] = [("US$", "USD"), ("$", "USD"), ("¥", "CNY"), ("￥", "CNY"), ("RMB", "CNY"),
                                           ("CNY", "CNY"), ("USD", "USD"), ("元", "CNY"), ("€", "EUR"), ("EUR", "EUR"), ("£", "GBP"), ("GBP", "GBP")]
        for (sym, code) in symbols where t.contains(sym) {
            if currency == nil { currency = code }
            t = t.replacingAll(sym, with: "")
        }
        t = t.trimmingCharactersInSet()
        // Exactly one number: digits with optional thousands commas and at most two decimals.
        var intPart: Int64 = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var seenDot = false
        var digits = 0
        for ch in t {
            if ch == "," && !seenDot { continue }
            if ch == "." && !seenDot { seenDot = true; continue }
            guard let d = ch.wholeNumberValue, ch.isASCII else { return nil }
            digits += 1
            if seenDot {
                fracDigits += 1
                if fracDigits > 2 { return nil }
                frac = frac * 10 + Int64(d)
            } else {
                if intPart > Int64.max / 1000 { return nil }
                intPart = intPart * 10 + Int64(d)
            }
        }
        guard digits > 0, let cur = currency ?? defaultCurrency else { return nil }
        if fracDigits == 1 { frac *= 10 }
        return Price(cents: intPart * 100 + frac, currency: cur)
    }
}

extension String {
    func trimmingCharactersInSet() -> String {
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
