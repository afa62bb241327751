import ShopCore

/// Plausibility ranges for numeric facts a blurb would repeat: recommended ages, weights,
/// sizes. A value outside them (`3-20months` read as 3 years to 20 months, `200 years and
/// up`, a weight of 0) is left out of the blurb with a warning rather than printed.
public enum ValueSanity {
    /// Why a value is implausible, or nil when it may be used.
    public static func problem(key: String, value: String) -> String? {
        // A key of Chinese characters alone names no age (AdvertiseGen's keys): only the
        // weight keys need the full test, and lower-casing every key was a hundredth of describe.
        if !key.isEmpty, key.unicodeScalars.allSatisfy({ Han.isCommon($0.value) }), key != "重量", key != "净重" { return nil }
        let k = key.lowercased()
        if k.contains("age") && !k.contains("package") && !k.contains("storage") && !k.contains("voltage") { return ageProblem(value) }
        if k.contains("weight") || k == "重量" || k == "净重" { return weightProblem(value) }
        return nil
    }

    /// Numbers in a text with the unit word after each (`3 years`, `20 months`).
    static func amounts(_ text: String) -> [(Double, String)] {
        var out: [(Double, String)] = []
        var number = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isASCII && (c.isNumber || (c == "." && !number.isEmpty)) { number.append(c); i = text.index(after: i); continue }
            if !number.isEmpty, let v = Double(number) {
                var j = i
                while j < text.endIndex, text[j] == " " { j = text.index(after: j) }
                var unit = ""
                while j < text.endIndex, text[j].isLetter { unit.append(text[j]); j = text.index(after: j) }
                out.append((v, unit.lowercased()))
            }
            number = ""
            i = text.index(after: i)
        }
        if !number.isEmpty, let v = Double(number) { out.append((v, "")) }
        return out
    }

    static func ageProblem(_ value: String) -> String? {
        let a = amounts(value)
        guard !a.isEmpty else { return nil }
        // A bare number takes the next unit (`3-20 months` is 3 to 20 months).
        var months: [Double] = []
        for (idx, (v, unit)) in a.enumerated() {
            var u = unit
            if u.isEmpty { u = a[(idx + 1)...].first(where: { !$0.1.isEmpty })?.1 ?? "years" }
            if u.hasPrefix("month") || u == "m" { months.append(v) }
            else if u.hasPrefix("year") || u == "y" || u == "yrs" || u == "yr" || u == "岁" { months.append(v * 12) }
            else if u.hasPrefix("week") { months.append(v / 4.3) }
            else { continue }
        }
        if months.contains(where: { $0 > 100 * 12 }) { return "age '\(value)' is over 100 years" }
        if months.count == 2, months[0] > months[1] { return "age range '\(value)' runs backwards" }
        // Month ranges past two years are written in years by every seller; `3-20months`
        // is a squeezed `3 years - 20 months` or a typo, so it is not repeated.
        if a.count == 2, a[0].1.isEmpty, a[1].1.hasPrefix("month"), a[1].0 > 18, a[0].0 <= 5 { return "age range '\(value)' is ambiguous" }
        return nil
    }

    static func weightProblem(_ value: String) -> String? {
        guard let (v, unit) = amounts(value).first else { return nil }
        if v <= 0 { return "weight '\(value)' is not positive" }
        let kg: Double
        switch unit {
        case "pounds", "pound", "lbs", "lb": kg = v * 0.4536
        case "ounces", "ounce", "oz": kg = v * 0.02835
        case "g", "grams", "gram", "克": kg = v / 1000
        case "kg", "kilograms", "千克", "公斤": kg = v
        default: return nil
        }
        return kg > 5000 ? "weight '\(value)' is implausible" : nil
    }
}
