/// Prices as shoppers read them: `¥199`, `¥1,299.00`, `$19.99`.
public enum PriceFormatter {
    public enum Style: Sendable {
        /// Whole amounts without decimals (`¥199`), others with two (`¥19.90`).
        case compact
        /// Always two decimals (`¥1,299.00`).
        case full
    }

    static let symbols = ["CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]

    /// The usual style of a currency: yuan and yen compact (`¥199`), others with cents (`$18.00`).
    public static func defaultStyle(for currency: String) -> Style {
        currency == "CNY" || currency == "JPY" ? .compact : .full
    }

    public static func format(_ price: Price, style: Style? = nil) -> String {
        let style = style ?? defaultStyle(for: price.currency)
        let whole = price.cents / 100
        let frac = price.cents % 100
        var s = (symbols[price.currency] ?? price.currency + " ") + grouped(whole)
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
