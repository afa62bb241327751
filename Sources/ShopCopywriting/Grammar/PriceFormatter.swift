/// Prices as shoppers read them: `¥199`, `¥1,299.00`, `$19.99`.
public enum PriceFormatter {
    public enum Style: Sendable {
        /// Whole amounts without decimals (`¥199`), others with two (`¥19.90`).
        case compact
        /// Always two decimals (`¥1,299.00`).
        case full
    }

    static let symbols = ["CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "JP¥", "HKD": "HK$", "CAD": "C$", "AUD": "A$"]

    /// The usual style of a currency: yuan and yen compact (`¥199`), others with cents (`$18.00`).
    public static func defaultStyle(for currency: String) -> Style {
        currency == "CNY" || currency == "JPY" || currency == "KRW" ? .compact : .full
    }

    /// A range is written `$10.99–$20.99`.
    public static func format(_ price: Price, style: Style? = nil) -> String {
        let low = format(cents: price.cents, currency: price.currency, style: style)
        guard let upper = price.upperCents else { return low }
        return low + "–" + format(cents: upper, currency: price.currency, style: style)
    }

    static func format(cents: Int64, currency: String, style: Style?) -> String {
        let style = style ?? defaultStyle(for: currency)
        let whole = cents / 100
        let frac = cents % 100
        var s = (symbols[currency] ?? currency + " ") + grouped(whole)
        if style == .full || frac != 0 {
            s += "." + (frac < 10 ? "0" : "") + String(frac)
        }
        return s
    }

    /// Thousands separators: 1299 → 1,299.
    public static func grouped(_ n: Int64) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
